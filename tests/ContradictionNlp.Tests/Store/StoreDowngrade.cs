using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Store;

/// <summary>
/// Turns a store back into what schema v3 would have written for the same input (STORE9): every gated pair becomes the
/// full pairs row it stands for (same id, PairScorer.Unrelated's score and reason, the created_at of its write), then
/// gated_pairs goes and user_version says 3. Written independently of ClaimStore's reading SQL, so a test comparing a
/// downgraded-then-migrated store with the original checks the reading code against this plain statement of the design.
/// </summary>
public static class StoreDowngrade
{
    /// <summary>
    /// Folds schema v6 back to v5: the vectors return from claim_vectors to the embeddings table v1-v5 had (same columns and
    /// rows, inserted in claim order as v5 wrote them), and pairs rows name their claims by id again (same ids and rows).
    /// Foreign keys are turned off first (the bundled SQLite enables them by default), so dropping pairs keeps the reviews.
    /// </summary>
    public static void ToV5(string path, string extraSql = "") => ToV6(path, ToV5Sql + extraSql);

    /// <summary>Folds schema v7 back to v6: the index of claims by article id (v1-v6) comes back, user_version says 6.</summary>
    public static void ToV6(string path, string extraSql = "") => ToV7(path, """
            CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
            PRAGMA user_version = 6;
            """ + extraSql);

    /// <summary>
    /// Folds schema v8 back to v7: the index of aliases by alias (v1-v7) and the index of name keys by speaker (v3-v7)
    /// come back, user_version says 7. The keys are left as they are (v7 wrote the same ones).
    /// </summary>
    public static void ToV7(string path, string extraSql = "") => ToV8(path, """
            CREATE INDEX IF NOT EXISTS speaker_aliases_alias ON speaker_aliases(alias COLLATE NOCASE);
            CREATE INDEX IF NOT EXISTS speaker_keys_name_of ON speaker_keys(speaker_id) WHERE kind IN (0, 2);
            PRAGMA user_version = 7;
            """ + extraSql);

    /// <summary>
    /// Folds schema v9 back to v8: claims get their id PRIMARY KEY back (rows and rowids as they are, columns in v1-v8's
    /// order), aliases are keyed by speaker id again, user_version says 8.
    /// </summary>
    public static void ToV8(string path, string extraSql = "") => ToV9(path, """
            PRAGMA foreign_keys = OFF;
            CREATE TABLE claims_v8 (
                id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                sentence_index INTEGER NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
                mention_start INTEGER NOT NULL, mention_end INTEGER NOT NULL, mention_text TEXT NOT NULL,
                mention_kind TEXT NOT NULL, mention_name TEXT NOT NULL, mention_roles TEXT NOT NULL,
                speaker_id TEXT REFERENCES speakers(id), cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
                cue_text TEXT NOT NULL, content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
                content_text TEXT NOT NULL, kind TEXT NOT NULL, date TEXT, cue_class TEXT NOT NULL DEFAULT 'Speech');
            INSERT INTO claims_v8 (rowid, id, article_id, sentence_index, sentence_start, sentence_end, mention_start,
                    mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id, cue_start, cue_end,
                    cue_text, content_start, content_end, content_text, kind, date, cue_class)
                SELECT rowid, id, article_id, sentence_index, sentence_start, sentence_end, mention_start,
                    mention_end, mention_text, mention_kind, mention_name, mention_roles, speaker_id, cue_start, cue_end,
                    cue_text, content_start, content_end, content_text, kind, date, cue_class
                FROM claims ORDER BY rowid;
            DROP TABLE claims;
            ALTER TABLE claims_v8 RENAME TO claims;
            CREATE INDEX claims_speaker ON claims(speaker_id);
            CREATE TABLE speaker_aliases_v8 (
                speaker_id TEXT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
                alias      TEXT NOT NULL,
                PRIMARY KEY (speaker_id, alias));
            INSERT INTO speaker_aliases_v8 (speaker_id, alias)
                SELECT s.id, a.alias FROM speaker_aliases a JOIN speakers s ON s.rowid = a.speaker_rowid ORDER BY 1, 2;
            DROP TABLE speaker_aliases;
            ALTER TABLE speaker_aliases_v8 RENAME TO speaker_aliases;
            PRAGMA user_version = 8;
            """ + extraSql);

    /// <summary>
    /// Folds schema v10 back to v9: claim_vectors is the WITHOUT ROWID table keyed (claim rowid, model) of v6-v9 again (same
    /// rows), user_version says 9.
    /// </summary>
    public static void ToV9(string path, string extraSql = "") => ToV10(path, """
            PRAGMA foreign_keys = OFF;
            CREATE TABLE claim_vectors_v9 (
                claim_rowid INTEGER NOT NULL, model_id TEXT NOT NULL, dimension INTEGER NOT NULL, vector BLOB NOT NULL,
                PRIMARY KEY (claim_rowid, model_id)) WITHOUT ROWID;
            INSERT INTO claim_vectors_v9 SELECT claim_rowid, model_id, dimension, vector FROM claim_vectors ORDER BY 1, 2;
            DROP TABLE claim_vectors;
            ALTER TABLE claim_vectors_v9 RENAME TO claim_vectors;
            PRAGMA user_version = 9;
            """ + extraSql);

    /// <summary>
    /// Folds schema v11 back to v10: claims lose speaker_rowid and its index, the index of claims by speaker id (v1-v10) comes
    /// back, user_version says 10.
    /// </summary>
    public static void ToV10(string path, string extraSql = "")
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            DROP INDEX claims_speaker_rowid;
            ALTER TABLE claims DROP COLUMN speaker_rowid;
            CREATE INDEX claims_speaker ON claims(speaker_id);
            PRAGMA user_version = 10;
            """ + extraSql;
        cmd.ExecuteNonQuery();
    }

    private const string ToV5Sql = """
            PRAGMA foreign_keys = OFF;
            CREATE TABLE embeddings (
                claim_id  TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                model_id  TEXT NOT NULL,
                dimension INTEGER NOT NULL,
                vector    BLOB NOT NULL,
                PRIMARY KEY (claim_id, model_id)
            );
            INSERT INTO embeddings (claim_id, model_id, dimension, vector)
            SELECT c.id, v.model_id, v.dimension, v.vector FROM claim_vectors v JOIN claims c ON c.rowid = v.claim_rowid
            ORDER BY c.rowid, v.model_id;
            DROP TABLE claim_vectors;
            CREATE TABLE pairs_v5 (
                id             INTEGER PRIMARY KEY,
                claim_a        TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                claim_b        TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                similarity     REAL NOT NULL,
                score          REAL NOT NULL,
                entailment     REAL NOT NULL,
                neutral        REAL NOT NULL,
                reasons        TEXT NOT NULL,
                model_version  TEXT NOT NULL,
                temporal_order TEXT NOT NULL,
                days_apart     INTEGER,
                created_at     TEXT NOT NULL,
                UNIQUE (claim_a, claim_b)
            );
            INSERT INTO pairs_v5 SELECT p.id, ca.id, cb.id, p.similarity, p.score, p.entailment, p.neutral, p.reasons, p.model_version,
                p.temporal_order, p.days_apart, p.created_at
            FROM pairs p JOIN claims ca ON ca.rowid = p.claim_a JOIN claims cb ON cb.rowid = p.claim_b ORDER BY p.id;
            DROP TABLE pairs;
            ALTER TABLE pairs_v5 RENAME TO pairs;
            CREATE INDEX pairs_score ON pairs(score DESC);
            PRAGMA user_version = 5;
            """;

    public static void ToV3(string path, string extraSql = "")
    {
        ToV5(path);
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO pairs (id, claim_a, claim_b, similarity, score, entailment, neutral, reasons, model_version, temporal_order, days_apart, created_at)
            SELECT g.id, ca.id, cb.id, g.similarity, $s, $e, $n, $r, g.model_version,
                   CASE g.temporal_order WHEN 0 THEN 'Unknown' WHEN 1 THEN 'SameDay' WHEN 2 THEN 'AFirst' WHEN 3 THEN 'BFirst' END,
                   g.days_apart, a.ingested_at
            FROM gated_pairs g JOIN claims ca ON ca.rowid = g.claim_a JOIN claims cb ON cb.rowid = g.claim_b
            JOIN articles a ON a.id = (CASE WHEN g.claim_a > g.claim_b THEN ca.article_id ELSE cb.article_id END);
            DROP TABLE gated_pairs;
            PRAGMA user_version = 3;
            """ + extraSql;
        cmd.Parameters.AddWithValue("$s", PairScorer.Unrelated.Contradiction);
        cmd.Parameters.AddWithValue("$e", PairScorer.Unrelated.Entailment);
        cmd.Parameters.AddWithValue("$n", PairScorer.Unrelated.Neutral);
        cmd.Parameters.AddWithValue("$r", ReasonJson.ToJson(PairScorer.Unrelated.Reasons));
        cmd.ExecuteNonQuery();
    }
}
