using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Robustness;
using ContradictionNlp.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Store;

/// <summary>
/// Schema v6 (STORE11): claim vectors live in claim_vectors, keyed (claim rowid, model) until v9 and by the claim rowid alone
/// since v10 (one vector per claim), and pairs rows name their claims by rowid. What was stored before reads the same: a v5 (or v4) store migrates on open with exactly its rows (reviews kept),
/// and every reader answers as before.
/// </summary>
public class ClaimVectorsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _dir.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly Speaker Ann = new("spk-ann", "Ann Lee", ["Ann Lee"], []);
    private static readonly Speaker Bob = new("spk-bob", "Bob Marsh", ["Bob Marsh"], ["Minister"]);

    /// <summary>An article of one claim per (speaker, content); a null speaker is an unresolved mention ("Someone").</summary>
    private static (Article Article, Claim[] Claims) MakeArticle(string title, params (Speaker? Speaker, string Content)[] items)
    {
        var text = string.Concat(items.Select(i => $"{i.Speaker?.Name ?? "Someone"} said {i.Content}. "));
        var article = Article.Create(title, new DateOnly(2024, 1, 1), null, null, text, title + ".txt");
        var claims = new List<Claim>();
        int at = 0;
        foreach (var (speaker, content) in items)
        {
            var name = speaker?.Name ?? "Someone";
            int start = at + name.Length + " said ".Length;
            var span = new TextSpan(start, start + content.Length);
            claims.Add(new Claim(Claim.MakeId(article.Id, span), article.Id, claims.Count, new TextSpan(at, span.End + 1),
                new SpeakerMention(new TextSpan(at, at + name.Length), name, MentionKind.Name, speaker is null ? "" : name, []),
                new TextSpan(at + name.Length + 1, at + name.Length + 5), "said", span, content, ClaimKind.ReportedSpeech, new DateOnly(2024, 1, 1)));
            at = span.End + 2;
        }
        return (article, claims.ToArray());
    }

    private static ContradictionScore Flag(double p) => new(p, 0.05, 0.95 - p, [new Reason("negation", "'not' in one text only", [new TextSpan(0, 3)], [])]);

    private static ScoredPair Pair(Claim a, Claim b, ContradictionScore score) =>
        new(a, b, 0.5f, score, new TemporalRelation(a.Date, b.Date, TemporalOrder.SameDay, 0));

    /// <summary>
    /// Two articles: Ann (2 claims), an unresolved claim, Bob (a claim without a vector); then Bob and Ann again, Bob's vector of
    /// another dimension. Claim rowids 1-4 and 5-6. Pairs: one flagged, one gated.
    /// </summary>
    private (string Path, Claim[] First, Claim[] Second) Build(string name)
    {
        var path = _dir.File(name);
        using var store = ClaimStore.Open(path, new FixedClock(Now));
        var (a1, c) = MakeArticle("one", (Ann, "taxes will rise"), (null, "the bridge is safe"), (Bob, "schools will close"), (Ann, "rents will fall"));
        Assert.True(store.SaveArticle(new ArticleBatch(a1,
            [new(c[0], Ann.Id, [1f, 0f, 0f]), new(c[1], null, [0f, 1f, 0f]), new(c[2], Bob.Id, null), new(c[3], Ann.Id, [0f, 0f, 1f])],
            [Ann, Bob], [Pair(c[0], c[3], PairScorer.Unrelated)], "model-x", "scorer-1")));
        var (a2, d) = MakeArticle("two", (Bob, "schools will not close"), (Ann, "taxes will not rise"));
        Assert.True(store.SaveArticle(new ArticleBatch(a2,
            [new(d[0], Bob.Id, [0.5f, 0.5f]), new(d[1], Ann.Id, [0.25f, 0.5f, 0.75f])],
            [Ann, Bob], [Pair(c[0], d[1], Flag(0.9))], "model-x", "scorer-1")));
        return (path, c, d);
    }

    /// <summary>What the pipeline and the readers get from a store, as text (vectors as exact floats).</summary>
    private static string Readers(ClaimStore store)
    {
        string Pool(Speaker s, int dim)
        {
            var (rowIds, matrix) = store.LoadSpeakerVectors(s.Id, "model-x", dim);
            return $"{s.Id}/{dim}: [{string.Join(",", rowIds)}] [{string.Join(",", matrix.Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
        }
        var lines = new List<string> { Pool(Ann, 3), Pool(Bob, 3), Pool(Bob, 2), store.Counts().ToString() };
        foreach (var s in new[] { Ann, Bob })
            foreach (var model in new[] { "model-x", "model-y" })
                lines.AddRange(store.LoadSpeakerClaims(s.Id, model).Select(x =>
                    $"{s.Id} {model} {x.Claim.Id} {(x.Vector is null ? "null" : string.Join(",", x.Vector))}"));
        lines.AddRange(store.ListClaims().Select(c => $"{c.Claim.Id} {c.SpeakerId} {c.Claim.ContentText}"));
        lines.AddRange(store.ListPairs(0).Select(p => $"{p.Id} {p.A.Claim.Id} {p.B.Claim.Id} {p.Score.Contradiction} {p.CreatedAt:O}"));
        return string.Join("\n", lines);
    }

    private static List<string> VectorRows(string path) =>
        Rows(path, "SELECT claim_rowid, model_id, dimension, length(vector) FROM claim_vectors", // key order (v10: the rowid)
            r => $"{r.GetInt64(0)} {r.GetString(1)} {r.GetInt64(2)} {r.GetInt64(3)}");

    /// <summary>Each row of <paramref name="sql"/> (with <paramref name="parameters"/>) on <paramref name="path"/>, as <paramref name="read"/> makes it.</summary>
    private static List<T> Rows<T>(string path, string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        var rows = new List<T>();
        while (r.Read()) rows.Add(read(r));
        return rows;
    }

    private static bool HasTable(string path, string table) => Has(path, "table", table);

    private static bool Has(string path, string type, string name)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = $type AND name = $t";
        cmd.Parameters.AddWithValue("$type", type);
        cmd.Parameters.AddWithValue("$t", name);
        return (long)cmd.ExecuteScalar()! == 1;
    }

    [Fact]
    public void A_v6_store_loses_only_the_claims_by_article_index_on_open_and_keeps_working()
    {
        // A fresh store is at the latest version: v1 made claims_article and v7 drops it.
        var (path, _, d) = Build("v7.db");
        Assert.False(Has(path, "index", "claims_article"));
        Assert.True(Has(path, "index", "claims_speaker_rowid")); // (v11; claims_speaker before)
        var dump = StoreDump.Dump(path);
        StoreDowngrade.ToV6(path);
        Assert.True(Has(path, "index", "claims_article"));
        using (var store = ClaimStore.Open(path))
            Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
        Assert.False(Has(path, "index", "claims_article"));
        Assert.Equal(dump, StoreDump.Dump(path));
        // Claims still join their articles (by the articles' key) for every reader, and a new article is stored as before.
        using (var store = ClaimStore.Open(path))
        {
            var (a3, e) = MakeArticle("three", (Ann, "the bridge is not safe"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Ann.Id, [0f, 1f, 1f])], [Ann], [Pair(d[1], e[0], Flag(0.7))], "model-x", "scorer-1")));
            Assert.Equal("three", store.ListClaims().Single(c => c.Claim.Id == e[0].Id).ArticleTitle);
        }
        Assert.NotEqual(dump, StoreDump.Dump(path));
    }

    [Fact]
    public void A_v7_store_loses_the_alias_and_name_of_indexes_and_keys_no_current_name_gives_on_open()
    {
        // A fresh store is at v8: v1 and v3 made the two indexes and v8 drops them.
        var (path, _, _) = Build("v8.db");
        Assert.False(Has(path, "index", "speaker_aliases_alias"));
        Assert.False(Has(path, "index", "speaker_keys_name_of"));
        var dump = StoreDump.Dump(path);
        // A v7 store whose name keys were written by an older SpeakerIndex.NameKeys: Bob also has a surname key "minister"
        // and a name key no name of his gives. Renamed, v7 deleted every name key of his; v8 deletes the keys of his name,
        // so migration 8 recomputes them. His alias key stays (kind 1: the names mentions were resolved by).
        StoreDowngrade.ToV7(path, $"""
            INSERT INTO speaker_keys (key, kind, speaker_id) VALUES ('minister', 2, '{Bob.Id}'), ('robert marsh', 0, '{Bob.Id}');
            """);
        Assert.True(Has(path, "index", "speaker_aliases_alias"));
        Assert.True(Has(path, "index", "speaker_keys_name_of"));
        Assert.NotEqual(dump, StoreDump.Dump(path));
        using (var store = ClaimStore.Open(path))
            Assert.Equal(11, store.SchemaVersion);
        Assert.False(Has(path, "index", "speaker_aliases_alias"));
        Assert.False(Has(path, "index", "speaker_keys_name_of"));
        Assert.Equal(dump, StoreDump.Dump(path));

        // A claim is still found by its speaker's alias (a scan of the aliases now), and a rename still leaves no key of the old name.
        var renamed = Bob with { Name = "Bob J. Marsh", Aliases = ["Bob Marsh", "Bob J. Marsh"] };
        using (var store = ClaimStore.Open(path, new FixedClock(Now)))
        {
            Assert.Equal(["schools will close", "schools will not close"], store.ListClaims("bob marsh").Select(c => c.Claim.ContentText));
            var (a3, e) = MakeArticle("three", (renamed, "schools will reopen"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Bob.Id, [1f, 1f, 0f])], [renamed], [], "model-x", "scorer-1")));
            Assert.Equal(3, store.ListClaims("bob marsh").Count);
        }
        var keys = KeysOf(path, Bob.Id);
        Assert.DoesNotContain($"{SpeakerIndex.Normalize("Bob Marsh")}|0", keys);
        Assert.Equal(SpeakerIndex.NameKeys(renamed.Name).Select(k => $"{k.Key}|{(int)k.Kind}")
            .Append($"{SpeakerIndex.AliasKey("Bob Marsh")}|1").Append($"{SpeakerIndex.AliasKey("Bob J. Marsh")}|1").Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void A_v8_store_loses_the_index_of_claim_ids_keys_aliases_by_speaker_rowid_and_still_finds_claims_by_id()
    {
        // A fresh store is at v9: no index of claim ids, aliases keyed by the speaker's rowid.
        var (path, first, second) = Build("v9.db");
        Assert.False(Has(path, "index", "sqlite_autoindex_claims_1"));
        Assert.True(Has(path, "index", "claims_speaker_rowid")); // (v11; claims_speaker before)
        var dump = StoreDump.Dump(path);
        StoreDowngrade.ToV8(path);
        Assert.True(Has(path, "index", "sqlite_autoindex_claims_1"));
        Assert.Equal(dump, StoreDump.Dump(path)); // v8's tables, the same content (aliases dumped by speaker id)
        using (var store = ClaimStore.Open(path))
            Assert.Equal(11, store.SchemaVersion);
        Assert.False(Has(path, "index", "sqlite_autoindex_claims_1"));
        Assert.Equal(dump, StoreDump.Dump(path));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], RowIds(path, "SELECT rowid FROM claims ORDER BY rowid")); // rowids kept: vectors and pairs hold them
        Assert.Equal([1L, 2L], RowIds(path, "SELECT speaker_rowid FROM speaker_aliases ORDER BY speaker_rowid, alias")); // Ann, Bob

        var ghost = MakeArticle("never stored", (Ann, "taxes will vanish")).Claims[0];
        using (var store = ClaimStore.Open(path, new FixedClock(Now)))
        {
            // Found through the article: each claim of both articles (the unresolved one and the one without a vector too),
            // and no claim for an id its article does not have or an article the store does not have.
            foreach (var (claim, rowId) in first.Concat(second).Select((c, i) => (c, i + 1L)))
                Assert.Equal(rowId, store.ClaimRowIdById(claim.Id, claim.ArticleId));
            Assert.Null(store.ClaimRowIdById(Claim.MakeId(first[0].ArticleId, new TextSpan(0, 1)), first[0].ArticleId));
            Assert.Null(store.ClaimRowIdById(ghost.Id, ghost.ArticleId));

            // Aliases keyed by rowid: a known speaker gains one (Ann), and a new speaker's are stored with it (Cy).
            var cy = new Speaker("spk-cy", "Cy Young", ["Cy Young", "Mr Young"], []);
            var (a3, e) = MakeArticle("three", (Ann, "taxes will fall"), (cy, "rents will rise"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Ann.Id, [1f, 0f, 0f]), new(e[1], cy.Id, [0f, 1f, 0f])],
                [Ann with { Aliases = ["Ann Lee", "Dr Lee"] }, cy],
                [Pair(first[3], e[0], Flag(0.8)), Pair(second[1], e[0], PairScorer.Unrelated)], "model-x", "scorer-1")));
            Assert.Equal(["Ann Lee|Ann Lee,Dr Lee", "Bob Marsh|Bob Marsh", "Cy Young|Cy Young,Mr Young"],
                store.LoadSpeakers().Select(s => $"{s.Name}|{string.Join(",", s.Aliases)}"));
            Assert.Equal(["rents will rise"], store.ListClaims("mr young").Select(c => c.Claim.ContentText));
            // The pairs name the stored claims that their ids name (found through their articles).
            Assert.Equal([$"{first[3].Id} {e[0].Id}", $"{second[1].Id} {e[0].Id}"],
                store.ListPairs().Where(p => p.B.Claim.Id == e[0].Id).Select(p => $"{p.A.Claim.Id} {p.B.Claim.Id}").Order(StringComparer.Ordinal));

            // Refused, and nothing of the article stored: a pair naming a claim the store does not hold, a batch naming one claim twice.
            var (a4, f) = MakeArticle("four", (Ann, "taxes will stay"));
            var missing = Assert.Throws<InvalidOperationException>(() => store.SaveArticle(new ArticleBatch(a4,
                [new(f[0], Ann.Id, [1f, 0f, 0f])], [Ann], [Pair(ghost, f[0], PairScorer.Unrelated)], "model-x", "scorer-1")));
            Assert.Equal($"Store '{path}' has no claim {ghost.Id}: a pair can only name stored claims.", missing.Message);
            var twice = Assert.Throws<ArgumentException>(() => store.SaveArticle(new ArticleBatch(a4,
                [new(f[0], Ann.Id, [1f, 0f, 0f]), new(f[0], Ann.Id, [1f, 0f, 0f])], [Ann], [], "model-x", "scorer-1")));
            Assert.StartsWith($"Article {a4.Id} lists claim {f[0].Id} twice; a claim is stored once.", twice.Message);
            Assert.Equal(3, store.Counts().Articles);
            Assert.Equal(8, store.Counts().Claims);
        }
    }

    [Fact]
    public void A_v9_store_gets_its_vectors_keyed_by_claim_rowid_in_a_rowid_table_and_reads_them_as_before()
    {
        // A fresh store is at v10: claim_vectors is a rowid table whose key is the claim's rowid.
        var (path, _, _) = Build("v10.db");
        Assert.Contains("claim_rowid INTEGER PRIMARY KEY", TableSql(path, "claim_vectors"));
        Assert.DoesNotContain("WITHOUT ROWID", TableSql(path, "claim_vectors"));
        var dump = StoreDump.Dump(path);
        string readers;
        using (var store = ClaimStore.Open(path)) readers = Readers(store);
        StoreDowngrade.ToV9(path);
        Assert.Contains("WITHOUT ROWID", TableSql(path, "claim_vectors"));
        Assert.Equal(dump, StoreDump.Dump(path));
        using (var store = ClaimStore.Open(path, new FixedClock(Now)))
        {
            Assert.Equal(11, store.SchemaVersion);
            Assert.Equal(readers, Readers(store));
            // A new article's vector is stored under its claim's rowid and joins its speaker's pool.
            var (a3, e) = MakeArticle("three", (Ann, "the bridge is not safe"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Ann.Id, [0f, 1f, 1f])], [Ann], [], "model-x", "scorer-1")));
            Assert.Equal([1L, 4L, 6L, 7L], store.LoadSpeakerVectors(Ann.Id, "model-x", 3).RowIds);
        }
        Assert.DoesNotContain("WITHOUT ROWID", TableSql(path, "claim_vectors"));
        Assert.Equal([.. ExpectedVectorRows, "7 model-x 3 12"], VectorRows(path));
    }

    [Fact]
    public void A_v9_store_with_two_vectors_for_one_claim_is_refused_and_left_at_v9()
    {
        var (path, _, _) = Build("two-models.db");
        // v6-v9 allowed a vector per (claim, model); no cnlp wrote a second one, but such a store is not trimmed silently.
        StoreDowngrade.ToV9(path, "INSERT INTO claim_vectors (claim_rowid, model_id, dimension, vector) VALUES (1, 'model-y', 1, x'0000803f');");
        var dump = StoreDump.Dump(path);
        var ex = Assert.Throws<StoreException>(() => ClaimStore.Open(path));
        Assert.Equal("Migrating claim_vectors to schema 10: 6 vectors but 5 claims with one; schema 10 keeps one vector per claim, " +
            "and this store has claims with vectors of several models. The store is left at schema 9.", ex.Message);
        Assert.Contains("WITHOUT ROWID", TableSql(path, "claim_vectors"));
        Assert.Equal(9L, Rows(path, "PRAGMA user_version", r => r.GetInt64(0)).Single());
        Assert.Equal(dump, StoreDump.Dump(path));
    }

    [Fact]
    public void A_v10_store_gets_each_claims_speaker_rowid_and_every_reader_answers_as_before()
    {
        // A fresh store is at v11: claims carry their speaker's rowid (Ann 1, Bob 2: the order the first article wrote them),
        // indexed instead of the speaker id.
        var (path, _, _) = Build("v11.db");
        var expected = new long?[] { 1, null, 2, 1, 2, 1 }; // Ann, unresolved, Bob, Ann | Bob, Ann
        Assert.Equal(expected, SpeakerRowIds(path));
        Assert.True(Has(path, "index", "claims_speaker_rowid"));
        Assert.False(Has(path, "index", "claims_speaker"));
        var dump = StoreDump.Dump(path);
        string readers;
        using (var store = ClaimStore.Open(path)) readers = Readers(store);
        StoreDowngrade.ToV10(path);
        Assert.True(Has(path, "index", "claims_speaker"));
        Assert.DoesNotContain("speaker_rowid", TableSql(path, "claims"));
        Assert.Equal(dump, StoreDump.Dump(path)); // the dump leaves the column out: v10's content is the same

        var cy = new Speaker("spk-cy", "Cy Young", ["Cy Young"], []);
        using (var store = ClaimStore.Open(path, new FixedClock(Now)))
        {
            Assert.Equal(11, store.SchemaVersion);
            Assert.Equal(readers, Readers(store));
            // New claims get their speaker's rowid: a stored speaker's (Ann), and a new speaker's, made in the same write (Cy: 3).
            var (a3, e) = MakeArticle("three", (Ann, "the bridge is not safe"), (cy, "rents will rise"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Ann.Id, [0f, 1f, 1f]), new(e[1], cy.Id, [1f, 1f, 1f])],
                [Ann, cy], [], "model-x", "scorer-1")));
            Assert.Equal([1L, 4L, 6L, 7L], store.LoadSpeakerVectors(Ann.Id, "model-x", 3).RowIds);
            Assert.Equal([8L], store.LoadSpeakerVectors(cy.Id, "model-x", 3).RowIds);
            Assert.Empty(store.LoadSpeakerVectors("spk-nobody", "model-x", 3).RowIds); // no such speaker: no pool, no error
            Assert.Equal(["Ann Lee 4", "Bob Marsh 2", "Cy Young 1"], store.ListSpeakers().Select(x => $"{x.Speaker.Name} {x.ClaimCount}"));
            Assert.Equal(["rents will rise"], store.ListClaims("cy young").Select(c => c.Claim.ContentText));
            Assert.Equal(["the bridge is not safe"], store.LoadSpeakerClaims(Ann.Id, "model-x").Skip(3).Select(x => x.Claim.ContentText));
            // A claim whose stored speaker the batch does not list (Bob) gets that speaker's rowid from the store.
            var (a4, f) = MakeArticle("four", (Bob, "schools will stay open"));
            Assert.True(store.SaveArticle(new ArticleBatch(a4, [new(f[0], Bob.Id, [1f, 0f, 1f])], [], [], "model-x", "scorer-1")));
            Assert.Equal([9L], store.LoadSpeakerVectors(Bob.Id, "model-x", 3).RowIds); // (claim 3 has no vector, claim 5 two dimensions)
        }
        Assert.Equal([.. expected, 1, 3, 2], SpeakerRowIds(path));
        Assert.DoesNotContain("speaker rowid", StoreDump.ProblemsOf(path), StringComparison.Ordinal);

        // The dump's check of the column can fail: a claim of Ann's that names Bob's rowid is reported.
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE claims SET speaker_rowid = 2 WHERE rowid = 4";
            cmd.ExecuteNonQuery();
        }
        Assert.Contains("claim whose speaker rowid is not its speaker's", StoreDump.ProblemsOf(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_finalizes_every_statement_the_store_prepared_so_the_last_close_checkpoints_the_wal()
    {
        // An unfinalized statement keeps the connection open after Dispose, and the WAL is then neither checkpointed nor
        // removed: a copy or move of the store file alone would lack its last commits (round 40: bench growth's run1 stores).
        var (path, first, _) = Build("closed.db");
        using (var store = ClaimStore.Open(path, new FixedClock(Now)))
        {
            // The write path, the pools (the speaker's rowid, its claim count, its vectors), a claim read back, the speaker
            // directory, and the lookup of a claim by id.
            var (a3, e) = MakeArticle("three", (Ann, "the bridge is not safe"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Ann.Id, [0f, 1f, 1f])], [Ann], [Pair(first[0], e[0], Flag(0.7))], "model-x", "scorer-1")));
            Assert.Equal(4, store.LoadSpeakerVectors(Ann.Id, "model-x", 3).RowIds.Length);
            Assert.Equal("taxes will rise", store.LoadClaim(1).ContentText);
            var directory = store.StoredSpeakers();
            var (handle, id) = directory.WithKey(SpeakerIndex.Normalize("Ann Lee"), SpeakerKeyKind.Name).Single();
            Assert.Equal((Ann.Id, "Ann Lee"), (id, directory.Load(handle).Name));
            Assert.Equal(1L, store.ClaimRowIdById(first[0].Id, first[0].ArticleId));
            Assert.True(File.Exists(path + "-wal"));
        }
        Assert.False(File.Exists(path + "-wal"));
        Assert.Equal(3, StoreDump.Count(path, "articles")); // read from the file alone
    }

    private static List<long?> SpeakerRowIds(string path) =>
        Rows(path, "SELECT speaker_rowid FROM claims ORDER BY rowid", r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0));

    private static string TableSql(string path, string table) =>
        Rows(path, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $name", r => r.GetString(0), ("$name", table)).Single();

    private static List<long> RowIds(string path, string sql) => Rows(path, sql, r => r.GetInt64(0));

    private static List<string> KeysOf(string path, string speakerId) =>
        Rows(path, "SELECT key || '|' || kind FROM speaker_keys WHERE speaker_id = $id", r => r.GetString(0), ("$id", speakerId))
            .Order(StringComparer.Ordinal).ToList();

    private static readonly List<string> ExpectedVectorRows =
    [
        // By claim rowid (the unresolved claim 2 too); claim 3 has no vector, claim 5's has 2 dimensions.
        "1 model-x 3 12",
        "2 model-x 3 12",
        "4 model-x 3 12",
        "5 model-x 2 8",
        "6 model-x 3 12",
    ];

    [Fact]
    public void Vectors_are_stored_by_claim_rowid_and_a_pool_is_its_speakers_vectors_of_that_dimension_in_rowid_order()
    {
        var (path, _, _) = Build("v6.db");
        Assert.Equal(ExpectedVectorRows, VectorRows(path));
        Assert.False(HasTable(path, "embeddings"));
        using var store = ClaimStore.Open(path);
        var (rowIds, matrix) = store.LoadSpeakerVectors(Ann.Id, "model-x", 3);
        Assert.Equal([1L, 4L, 6L], rowIds);
        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f, 0.25f, 0.5f, 0.75f], matrix);
        Assert.Empty(store.LoadSpeakerVectors(Bob.Id, "model-x", 3).RowIds); // its only vector has 2 dimensions
        Assert.Equal([5L], store.LoadSpeakerVectors(Bob.Id, "model-x", 2).RowIds);
        Assert.Empty(store.LoadSpeakerVectors(Ann.Id, "model-y", 3).RowIds);
        Assert.Equal(5, store.Counts().Embeddings);
    }

    [Fact]
    public void A_v5_store_migrates_on_open_with_exactly_its_vectors_and_every_reader_answers_as_before()
    {
        var (path, c, d) = Build("v5.db");
        string readers, dump = StoreDump.Dump(path);
        using (var store = ClaimStore.Open(path)) readers = Readers(store);
        StoreDowngrade.ToV5(path);
        Assert.False(HasTable(path, "claim_vectors"));
        Assert.Equal(6, StoreDump.Count(path, "claims"));
        using (var c5 = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c5.Open();
            using var cmd = c5.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM embeddings";
            Assert.Equal(5L, (long)cmd.ExecuteScalar()!);
        }

        using (var migrated = ClaimStore.Open(path, new FixedClock(Now)))
        {
            Assert.Equal(11, migrated.SchemaVersion);
            Assert.Equal(readers, Readers(migrated));
            // The store keeps growing as one made by v6: a new article's vectors land in claim_vectors, and a re-run is a no-op.
            var (a3, e) = MakeArticle("three", (Ann, "the bridge is not safe"));
            var batch = new ArticleBatch(a3, [new(e[0], Ann.Id, [0f, 1f, 1f])], [Ann], [Pair(d[1], e[0], Flag(0.7))], "model-x", "scorer-1");
            Assert.True(migrated.SaveArticle(batch));
            Assert.False(migrated.SaveArticle(batch));
            Assert.Equal([1L, 4L, 6L, 7L], migrated.LoadSpeakerVectors(Ann.Id, "model-x", 3).RowIds);
            Assert.Equal(6, migrated.Counts().Embeddings);
        }
        Assert.False(HasTable(path, "embeddings"));
        Assert.Equal([.. ExpectedVectorRows, "7 model-x 3 12"], VectorRows(path));
        // (StoreDump.ProblemsOf would name article "one": its claim 3 has no vector on purpose, which a pipeline store never has.)
        Assert.DoesNotContain("vector", StoreDump.ProblemsOf(path).Replace("or embeddings row count mismatch", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // The same three articles written by v6 throughout: the same content (timestamps aside, which the dump leaves out).
        var (fresh, _, _) = Build("fresh.db");
        using (var store = ClaimStore.Open(fresh, new FixedClock(Now)))
        {
            var (a3, e) = MakeArticle("three", (Ann, "the bridge is not safe"));
            Assert.True(store.SaveArticle(new ArticleBatch(a3, [new(e[0], Ann.Id, [0f, 1f, 1f])], [Ann], [Pair(d[1], e[0], Flag(0.7))], "model-x", "scorer-1")));
        }
        Assert.Equal(StoreDump.Dump(fresh), StoreDump.Dump(path));
        Assert.NotEqual(dump, StoreDump.Dump(path)); // (it did gain the third article)
        _ = c;
    }

    [Fact]
    public void A_v4_store_migrates_through_v5_and_v6_and_dumps_as_before()
    {
        var (path, _, _) = Build("v4.db");
        var dump = StoreDump.Dump(path);
        // v4 -> v5 only recomputed the alias keys from the claims: a v4 store is a v5 one with user_version 4 (and any alias keys).
        StoreDowngrade.ToV5(path, "DELETE FROM speaker_keys WHERE kind = 1; PRAGMA user_version = 4;");
        using (var store = ClaimStore.Open(path)) Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
        Assert.Equal(dump, StoreDump.Dump(path));
        Assert.Equal(ExpectedVectorRows, VectorRows(path));
    }

    [Fact]
    public void Migrating_pairs_to_claim_rowids_keeps_every_pair_id_score_and_review()
    {
        var (path, c, d) = Build("reviews.db");
        var at = new FixedClock(Now.AddDays(1));
        using (var store = ClaimStore.Open(path, at))
        {
            Assert.NotNull(store.RecordReview(2, "contradiction", "ann", "checked"));
            Assert.NotNull(store.RecordReview(1, "not_contradiction", "bob")); // a gated pair: promoted to a pairs row first
        }
        string readers, reviews;
        using (var store = ClaimStore.Open(path)) (readers, reviews) = (Readers(store), Reviews(store));
        StoreDowngrade.ToV5(path);
        using (var c5 = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            c5.Open();
            using var cmd = c5.CreateCommand();
            cmd.CommandText = "SELECT group_concat(id || ' ' || claim_a || ' ' || claim_b, '; ') FROM (SELECT * FROM pairs ORDER BY id)";
            Assert.Equal($"1 {c[0].Id} {c[3].Id}; 2 {c[0].Id} {d[1].Id}", cmd.ExecuteScalar()); // v5: by claim id
        }
        using (var migrated = ClaimStore.Open(path, at))
        {
            Assert.Equal(11, migrated.SchemaVersion);
            Assert.Equal(readers, Readers(migrated));
            Assert.Equal(reviews, Reviews(migrated));
            Assert.NotNull(migrated.RecordReview(2, "skip", "cy"));
            Assert.Equal(3, migrated.ListReviews().Count);
        }
        using var c6 = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c6.Open();
        using var q = c6.CreateCommand();
        q.CommandText = "SELECT group_concat(id || ' ' || claim_a || ' ' || claim_b, '; ') FROM (SELECT * FROM pairs ORDER BY id)";
        Assert.Equal("1 1 4; 2 1 6", q.ExecuteScalar()); // v6: by claim rowid
        q.CommandText = "SELECT count(*) FROM pragma_foreign_key_check";
        Assert.Equal(0L, q.ExecuteScalar());
    }

    private static string Reviews(ClaimStore store) => string.Join("\n",
        store.ListReviews().Select(r => $"{r.Id} {r.PairId} {r.Verdict} {r.Reviewer} {r.At:O} {r.Note}")
            .Concat(store.LatestReviews().Select(r => $"{r.PairId} {r.ClaimA} {r.ClaimB} {r.Review.Verdict}"))
            .Concat(store.CurrentReviews().Select(kv => $"{kv.Key} {kv.Value.Id}")));

    [Fact]
    public void The_migration_copies_in_key_order_without_a_sort()
    {
        // A big store must migrate in the memory of a run: each copy walks its source in the new table's key order (claims by
        // rowid; pairs by id), so SQLite needs no temporary b-tree (which would hold every row in memory, temp_store = MEMORY).
        var (path, _, _) = Build("plan.db");
        StoreDowngrade.ToV5(path);
        var sql = StoreSchema.Migrations.Single(m => m.Version == 6).Sql;
        var selects = sql.Split(';').Select(s => s.Trim()).Where(s => s.StartsWith("INSERT", StringComparison.Ordinal))
            .Select(s => s[s.IndexOf("SELECT", StringComparison.Ordinal)..]).ToList();
        Assert.Equal(2, selects.Count); // the vectors, then the pairs rows
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        foreach (var (select, i) in selects.Select((x, i) => (x, i)))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN " + select;
            using var r = cmd.ExecuteReader();
            var plan = new List<string>();
            while (r.Read()) plan.Add(r.GetString(3));
            Assert.Equal(i == 0 ? "SCAN c" : "SCAN p", plan[0]); // claims in rowid order, pairs in id order; the rest found by key
            Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }
}
