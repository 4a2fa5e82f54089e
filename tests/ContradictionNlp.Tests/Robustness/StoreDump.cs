using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// The content of a store as text, for comparing two stores: every content table in key order,
/// without the columns that differ between equal runs (ingested_at, created_at, pair row ids).
/// The kill script (scripts/kill-test.sh) dumps the same queries with sqlite3.
/// </summary>
public static class StoreDump
{
    public static readonly string[] Queries =
    [
        "SELECT id, title, date, source, author, origin, text FROM articles ORDER BY id",
        "SELECT id, name, roles FROM speakers ORDER BY id",
        // Schema v9: aliases are keyed by the speaker's rowid; dumped by speaker id (OldAliases for stores before v9).
        AliasesBySpeakerId,
        "SELECT key, kind, speaker_id FROM speaker_keys ORDER BY key, kind, speaker_id", // schema v3: the speaker index's lookup keys
        // The claims' own columns in the order v2-v10 had them. Not speaker_rowid (v11): it restates speaker_id, and a store
        // folded back to an older schema (StoreDowngrade) dumps the same; Problems checks the two agree.
        "SELECT id, article_id, sentence_index, sentence_start, sentence_end, mention_start, mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id, cue_start, cue_end, cue_text, content_start, content_end, content_text, kind, date, cue_class FROM claims ORDER BY id",
        // Schema v6: vectors are in claim_vectors by claim rowid; dumped as the embeddings rows they stand for.
        "SELECT c.id, v.model_id, v.dimension, hex(v.vector) FROM claim_vectors v JOIN claims c ON c.rowid = v.claim_rowid ORDER BY 1, 2",
        // Schema v4: pairs the topic gate stopped are in gated_pairs (claim rowids, no shared score): dumped as the pairs rows they stand for.
        // Schema v6: pairs rows name their claims by rowid too; dumped by claim id.
        "SELECT pa.id, pb.id, p.similarity, p.score, p.entailment, p.neutral, p.reasons, p.model_version, p.temporal_order, p.days_apart " +
        "FROM pairs p JOIN claims pa ON pa.rowid = p.claim_a JOIN claims pb ON pb.rowid = p.claim_b UNION ALL " +
        "SELECT ga.id, gb.id, g.similarity, " + Real(PairScorer.Unrelated.Contradiction) + ", " + Real(PairScorer.Unrelated.Entailment) + ", " +
        Real(PairScorer.Unrelated.Neutral) + ", '" + ReasonJson.ToJson(PairScorer.Unrelated.Reasons).Replace("'", "''") + "', g.model_version, " +
        "CASE g.temporal_order WHEN 0 THEN 'Unknown' WHEN 1 THEN 'SameDay' WHEN 2 THEN 'AFirst' WHEN 3 THEN 'BFirst' END, g.days_apart " +
        "FROM gated_pairs g JOIN claims ga ON ga.rowid = g.claim_a JOIN claims gb ON gb.rowid = g.claim_b ORDER BY 1, 2",
    ];

    private const string AliasesBySpeakerId =
        "SELECT s.id, a.alias FROM speaker_aliases a JOIN speakers s ON s.rowid = a.speaker_rowid ORDER BY 1, 2";
    private const string OldAliases = "SELECT speaker_id, alias FROM speaker_aliases ORDER BY 1, 2";

    private static string Real(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every pair of the store by claim ids, whichever table holds it (schema v4).</summary>
    private const string AllPairKeys =
        "(SELECT p.id, pa.id AS claim_a, pb.id AS claim_b FROM pairs p JOIN claims pa ON pa.rowid = p.claim_a JOIN claims pb ON pb.rowid = p.claim_b UNION ALL " +
        "SELECT g.id, ga.id, gb.id FROM gated_pairs g JOIN claims ga ON ga.rowid = g.claim_a JOIN claims gb ON gb.rowid = g.claim_b)";

    /// <summary>Rows that must not exist in any store: orphans and duplicates (the schema's keys forbid most, this checks they held).</summary>
    public static readonly string[] Problems =
    [
        "SELECT 'claim without article', id FROM claims WHERE article_id NOT IN (SELECT id FROM articles)",
        "SELECT 'vector without claim', claim_rowid FROM claim_vectors WHERE claim_rowid NOT IN (SELECT rowid FROM claims)",
        "SELECT 'pair without claim', id FROM pairs WHERE claim_a NOT IN (SELECT rowid FROM claims) OR claim_b NOT IN (SELECT rowid FROM claims)",
        "SELECT 'claim with unknown speaker', id FROM claims WHERE speaker_id IS NOT NULL AND speaker_id NOT IN (SELECT id FROM speakers)",
        // Schema v11: claims.speaker_rowid is the rowid of the speaker speaker_id names (NULL with it).
        "SELECT 'claim whose speaker rowid is not its speaker''s', id FROM claims c WHERE c.speaker_rowid IS NOT (SELECT s.rowid FROM speakers s WHERE s.id = c.speaker_id)",
        "SELECT 'pair stored twice', claim_a || ' ' || claim_b FROM " + AllPairKeys + " GROUP BY min(claim_a, claim_b), max(claim_a, claim_b) HAVING count(*) > 1",
        "SELECT 'gated pair without claim', id FROM gated_pairs WHERE claim_a NOT IN (SELECT rowid FROM claims) OR claim_b NOT IN (SELECT rowid FROM claims)",
        "SELECT 'pair id used twice', id FROM " + AllPairKeys + " GROUP BY id HAVING count(*) > 1",
        "SELECT 'article without claims or embeddings row count mismatch', a.id FROM articles a WHERE (SELECT count(*) FROM claims c WHERE c.article_id = a.id) <> (SELECT count(*) FROM claim_vectors v JOIN claims c ON c.rowid = v.claim_rowid WHERE c.article_id = a.id)",
    ];

    public static string Dump(string path)
    {
        using var connection = Open(path);
        var sb = new StringBuilder();
        bool oldAliases = HasColumn(connection, "speaker_aliases", "speaker_id"); // a store from before schema v9
        foreach (var q in Queries)
        {
            var query = oldAliases && q == AliasesBySpeakerId ? OldAliases : q;
            sb.Append("## ").Append(q).Append('\n');
            AppendRows(connection, query, sb);
        }
        return sb.ToString();
    }

    public static string ProblemsOf(string path)
    {
        using var connection = Open(path);
        var sb = new StringBuilder();
        foreach (var query in Problems) AppendRows(connection, query, sb);
        return sb.ToString();
    }

    public static int Count(string path, string table)
    {
        using var connection = Open(path);
        using var cmd = connection.CreateCommand();
        // "pairs": every pair, gated ones included (schema v4), as ClaimStore.Counts counts them.
        // "embeddings": the vectors, in claim_vectors since schema v6.
        if (table == "embeddings") table = "claim_vectors";
        cmd.CommandText = table == "pairs" ? "SELECT (SELECT count(*) FROM pairs) + (SELECT count(*) FROM gated_pairs)" : $"SELECT count(*) FROM {table}";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasColumn(SqliteConnection connection, string table, string column)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void AppendRows(SqliteConnection connection, string query, StringBuilder sb)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = query;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            for (int i = 0; i < r.FieldCount; i++)
            {
                if (i > 0) sb.Append('\t');
                sb.Append(r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
    }
}
