using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;
using ContradictionNlp.Store;
using ContradictionNlp.Text;
using Microsoft.Data.Sqlite;

namespace ContradictionNlp.Tests.Store;

public class ClaimStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _dir.Dispose();

    private ClaimStore Open(string name = "s.db") => ClaimStore.Open(_dir.File(name), new FixedClock(Now));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // Article text: "Ann Lee said taxes will not rise. Ann Lee said taxes will rise."
    //                0         1         2         3         4         5         6
    //                0123456789012345678901234567890123456789012345678901234567890123
    private const string Text = "Ann Lee said taxes will not rise. Ann Lee said taxes will rise.";

    private static (Article Article, Claim C1, Claim C2, Speaker Speaker) Sample()
    {
        var article = Article.Create("Budget", new DateOnly(2024, 3, 1), "Gazette", "Reporter", Text, "a.txt");
        Claim Make(int s, int mentionStart, int cueStart, int contentStart, int contentEnd, DateOnly? date) => new(
            Claim.MakeId(article.Id, new TextSpan(contentStart, contentEnd)), article.Id, s,
            new TextSpan(mentionStart, contentEnd + 1),
            new SpeakerMention(new TextSpan(mentionStart, mentionStart + 7), "Ann Lee", MentionKind.Name, "Ann Lee", ["Mayor", "Chair"]),
            new TextSpan(cueStart, cueStart + 4), "said", new TextSpan(contentStart, contentEnd),
            Text[contentStart..contentEnd], ClaimKind.ReportedSpeech, date);
        var c1 = Make(0, 0, 8, 13, 32, new DateOnly(2024, 3, 1));
        var c2 = Make(1, 34, 42, 47, 62, null);
        var speaker = new Speaker("spk-1", "Ann Lee", ["Ann Lee", "Lee"], ["Mayor"]);
        return (article, c1, c2, speaker);
    }

    private static ScoredPair Pair(Claim a, Claim b, double score, params Reason[] reasons) =>
        new(a, b, 0.75f, new ContradictionScore(score, 0.1, 1 - score - 0.1, reasons),
            new TemporalRelation(a.Date, b.Date, TemporalOrder.Unknown, null));

    private static ArticleBatch Batch(Article article, Claim c1, Claim c2, Speaker speaker, params ScoredPair[] pairs) =>
        new(article, [new ClaimToStore(c1, speaker.Id, [0.6f, 0.8f, 0f]), new ClaimToStore(c2, speaker.Id, [1f, 0f, -0.5f])],
            [speaker], pairs, "model-x", "scorer-1");

    [Fact]
    public void New_store_is_at_the_latest_schema_version()
    {
        using var store = Open();
        Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
        Assert.Equal(11, StoreSchema.LatestVersion);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0), store.Counts());
    }

    [Fact]
    public void Pages_read_counts_what_a_connection_reads_from_the_file_not_what_its_cache_serves()
    {
        var (article, c1, c2, speaker) = Sample();
        using (var store = Open()) store.SaveArticle(Batch(article, c1, c2, speaker));
        using var reopened = Open();
        long opened = reopened.PagesRead; // opening reads the schema
        Assert.True(opened > 0);
        var first = reopened.LoadSpeakerVectors(speaker.Id, "model-x", 3);
        long afterFirst = reopened.PagesRead;
        Assert.True(afterFirst > opened, $"the first read of the speaker's claims should read pages ({opened} -> {afterFirst})");
        var again = reopened.LoadSpeakerVectors(speaker.Id, "model-x", 3);
        Assert.Equal(afterFirst, reopened.PagesRead); // the same pages again: all in the cache
        Assert.Equal(first.RowIds, again.RowIds);
    }

    [Fact]
    public void Migrations_are_numbered_from_1_without_gaps()
    {
        // Opening applies every migration above the stored version in list order: a gap or a
        // reordering would skip or misapply schema changes on existing stores.
        Assert.Equal(Enumerable.Range(1, StoreSchema.Migrations.Count), StoreSchema.Migrations.Select(m => m.Version));
    }

    [Fact]
    public void Round_trip_keeps_claims_speakers_vectors_pairs_and_reasons()
    {
        var (article, c1, c2, speaker) = Sample();
        var reason = new Reason("negation", "'will not rise' vs 'will rise'", [new TextSpan(6, 14)], [new TextSpan(6, 10), new TextSpan(0, 5)]);
        using (var store = Open())
            Assert.True(store.SaveArticle(Batch(article, c1, c2, speaker, Pair(c1, c2, 0.875, reason))));

        using var reopened = Open();
        Assert.Equal(new StoreCounts(1, 1, 2, 2, 2, 1, 0), reopened.Counts());
        Assert.True(reopened.HasArticle(article.Id));

        var s = Assert.Single(reopened.LoadSpeakers());
        Assert.Equal(("spk-1", "Ann Lee"), (s.Id, s.Name));
        Assert.Equal(["Ann Lee", "Lee"], s.Aliases);
        Assert.Equal(["Mayor"], s.Roles);

        var loaded = reopened.LoadSpeakerClaims("spk-1", "model-x");
        Assert.Equal(2, loaded.Count);
        AssertSameClaim(c1, loaded[0].Claim);
        AssertSameClaim(c2, loaded[1].Claim);
        Assert.Equal([0.6f, 0.8f, 0f], loaded[0].Vector!);
        Assert.Equal([1f, 0f, -0.5f], loaded[1].Vector!);
        // Vectors are per model: another model's id finds the claims but no vectors.
        Assert.All(reopened.LoadSpeakerClaims("spk-1", "model-y"), x => Assert.Null(x.Vector));

        var pair = Assert.Single(reopened.ListPairs());
        Assert.Equal(("spk-1", "Ann Lee"), (pair.SpeakerId, pair.SpeakerName));
        AssertSameClaim(c1, pair.A.Claim);
        AssertSameClaim(c2, pair.B.Claim);
        Assert.Equal("Budget", pair.A.ArticleTitle);
        Assert.Equal(new DateOnly(2024, 3, 1), pair.B.Date); // undated claim falls back to its article's date
        Assert.Equal(0.75f, pair.Similarity);
        Assert.Equal(0.875, pair.Score.Contradiction);
        Assert.Equal(0.1, pair.Score.Entailment);
        Assert.Equal("scorer-1", pair.ModelVersion);
        Assert.Equal(Now, pair.CreatedAt);
        var r = Assert.Single(pair.Score.Reasons);
        Assert.Equal(("negation", "'will not rise' vs 'will rise'"), (r.Kind, r.Message));
        Assert.Equal([new TextSpan(6, 14)], r.SpansA);
        Assert.Equal([new TextSpan(6, 10), new TextSpan(0, 5)], r.SpansB);
    }

    private static void AssertSameClaim(Claim expected, Claim actual)
    {
        // Records holding lists compare lists by reference, so compare roles separately.
        Assert.Equal(expected.Speaker.Roles, actual.Speaker.Roles);
        Assert.Equal(expected with { Speaker = expected.Speaker with { Roles = [] } },
                     actual with { Speaker = actual.Speaker with { Roles = [] } });
    }

    [Fact]
    public void Saving_the_same_article_again_is_a_no_op()
    {
        var (article, c1, c2, speaker) = Sample();
        using var store = Open();
        Assert.True(store.SaveArticle(Batch(article, c1, c2, speaker, Pair(c1, c2, 0.9))));
        var before = store.Counts();
        Assert.False(store.SaveArticle(Batch(article, c1, c2, speaker, Pair(c1, c2, 0.9))));
        Assert.Equal(before, store.Counts());
    }

    [Fact]
    public void A_failure_mid_article_rolls_back_everything_of_that_article()
    {
        var (article, c1, c2, speaker) = Sample();
        var ghost = c2 with { Id = "not-stored:0-1" };
        using var store = Open();
        // The pair is written last and points at a claim that does not exist: naming it by rowid (schema v6) fails after the
        // article, speaker, claims and vectors were already inserted.
        var ex = Assert.Throws<InvalidOperationException>(() => store.SaveArticle(Batch(article, c1, c2, speaker, Pair(c1, ghost, 0.9))));
        Assert.Contains("has no claim not-stored:0-1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0), store.Counts());
        Assert.False(store.HasArticle(article.Id));

        // Nothing half-written blocks a correct retry.
        Assert.True(store.SaveArticle(Batch(article, c1, c2, speaker, Pair(c1, c2, 0.9))));
        Assert.Equal(new StoreCounts(1, 1, 2, 2, 2, 1, 0), store.Counts());
    }

    [Fact]
    public void Speakers_are_merged_on_save_aliases_accumulate()
    {
        var (article, c1, c2, speaker) = Sample();
        using var store = Open();
        store.SaveArticle(Batch(article, c1, c2, speaker));
        var later = Article.Create("Later", null, null, null, "Mayor Ann Lee said nothing new.", "b.txt");
        var updated = speaker with { Aliases = ["Ann Lee", "Mayor Ann Lee"], Roles = ["Mayor", "Chair"] };
        store.SaveArticle(new ArticleBatch(later, [], [updated], [], null, "scorer-1"));

        var s = Assert.Single(store.LoadSpeakers());
        Assert.Equal(["Ann Lee", "Lee", "Mayor Ann Lee"], s.Aliases);
        Assert.Equal(["Mayor", "Chair"], s.Roles);
        var summary = Assert.Single(store.ListSpeakers());
        Assert.Equal(2, summary.ClaimCount);
    }

    [Fact]
    public void Claims_can_be_listed_by_name_or_alias_case_insensitively()
    {
        var (article, c1, c2, speaker) = Sample();
        using var store = Open();
        store.SaveArticle(Batch(article, c1, c2, speaker));
        Assert.Equal([c1.Id, c2.Id], store.ListClaims("lee").Select(c => c.Claim.Id));
        Assert.Equal([c1.Id, c2.Id], store.ListClaims("ANN LEE").Select(c => c.Claim.Id));
        Assert.Empty(store.ListClaims("Bob"));
        Assert.Equal(2, store.ListClaims().Count);
    }

    [Fact]
    public void Pairs_are_listed_by_score_descending_then_ids_and_filtered_by_min_score()
    {
        var (article, c1, c2, speaker) = Sample();
        var text2 = "Ann Lee said the bridge opens in May.";
        var article2 = Article.Create("Bridge", new DateOnly(2024, 4, 1), null, null, text2, "b.txt");
        var c3 = c1 with { Id = Claim.MakeId(article2.Id, new TextSpan(13, 36)), ArticleId = article2.Id, Content = new TextSpan(13, 36), ContentText = text2[13..36] };
        using var store = Open();
        store.SaveArticle(Batch(article, c1, c2, speaker, Pair(c1, c2, 0.4)));
        store.SaveArticle(new ArticleBatch(article2, [new ClaimToStore(c3, speaker.Id, null)], [speaker],
            [Pair(c2, c3, 0.7), Pair(c1, c3, 0.7)], null, "scorer-1"));

        var all = store.ListPairs();
        // Equal scores fall back to claim ids: c1's id and c2's id share the article prefix, c1 starts earlier.
        Assert.Equal([(c1.Id, c3.Id), (c2.Id, c3.Id), (c1.Id, c2.Id)], all.Select(p => (p.A.Claim.Id, p.B.Claim.Id)));
        Assert.Equal(2, store.ListPairs(0.5).Count);
        Assert.Empty(store.ListPairs(0.71));
    }

    [Fact]
    public void Cue_class_survives_the_store()
    {
        var (article, c1, c2, speaker) = Sample();
        var belief = c2 with { CueClass = CueClass.Belief };
        using (var store = Open()) store.SaveArticle(Batch(article, c1, belief, speaker));
        using var reopened = Open();
        var claims = reopened.ListClaims().Select(c => c.Claim).OrderBy(c => c.Content.Start).ToList();
        Assert.Equal([CueClass.Speech, CueClass.Belief], claims.Select(c => c.CueClass));
    }

    [Fact]
    public void A_version_1_store_is_migrated_to_2_and_its_claims_read_as_speech()
    {
        var (article, c1, c2, speaker) = Sample();
        var path = _dir.File("v1.db");
        using (var store = ClaimStore.Open(path)) store.SaveArticle(Batch(article, c1, c2, speaker));
        // Turn the file back into a version 1 store: v2 only added claims.cue_class, v3 only the speaker_keys table, v4 only gated_pairs (empty here),
        // v6 moved the vectors to claim_vectors (folded back first).
        StoreDowngrade.ToV5(path);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE claims DROP COLUMN cue_class; DROP TABLE speaker_keys; DROP TABLE gated_pairs; PRAGMA user_version = 1;";
            cmd.ExecuteNonQuery();
        }
        using var migrated = ClaimStore.Open(path);
        Assert.Equal(11, migrated.SchemaVersion);
        Assert.All(migrated.ListClaims(), c => Assert.Equal(CueClass.Speech, c.Claim.CueClass));
        Assert.Equal(2, migrated.Counts().Claims);
    }

    [Fact]
    public void A_store_from_a_newer_schema_is_refused_with_the_file_named()
    {
        var path = _dir.File("new.db");
        using (ClaimStore.Open(path)) { }
        SetPragma(path, "user_version", 12);
        var ex = Assert.Throws<StoreException>(() => ClaimStore.Open(path));
        Assert.Equal($"Store '{path}' has schema version 12, but this cnlp only knows versions up to 11. " +
                     "Use a newer cnlp, or choose another file with --db.", ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_with_the_file_named()
    {
        var path = _dir.Write("notes.db", "these are my notes, not a database\n");
        var ex = Assert.Throws<StoreException>(() => ClaimStore.Open(path));
        Assert.Equal($"'{path}' is not a SQLite database, so it cannot be a cnlp store. Choose another file with --db.", ex.Message);
        Assert.Equal("these are my notes, not a database\n", File.ReadAllText(path)); // untouched
    }

    [Fact]
    public void Another_applications_sqlite_database_is_refused_and_left_alone()
    {
        var path = _dir.File("other.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE recipes (name TEXT)";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<StoreException>(() => ClaimStore.Open(path));
        Assert.Equal($"'{path}' is a SQLite database but not a cnlp store (application_id 0, has other tables). Choose another file with --db.", ex.Message);
    }

    [Fact]
    public void An_empty_file_becomes_a_new_store()
    {
        var path = _dir.Write("empty.db", "");
        using var store = ClaimStore.Open(path);
        Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
    }

    [Fact]
    public void Store_uses_wal_journal_mode()
    {
        var path = _dir.File("wal.db");
        using (ClaimStore.Open(path)) { }
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    private static void SetPragma(string path, string pragma, int value)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA {pragma} = {value}";
        cmd.ExecuteNonQuery();
    }
}
