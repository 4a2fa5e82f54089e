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
/// Schema v4 (STORE9): pairs the topic gate stopped (scored <see cref="PairScorer.Unrelated"/>) are kept in gated_pairs,
/// and every reader shows them exactly as the full pairs rows v3 wrote. Most tests build two stores from the same input:
/// one where the gate's verdict is the <see cref="PairScorer.Unrelated"/> instance (stored gated), and a reference where it
/// is an equal copy (stored in full, as v3 stored every pair); the two must read the same.
/// </summary>
public class GatedPairsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly DateTimeOffset Day1 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = new(2024, 5, 2, 8, 30, 0, TimeSpan.Zero);

    public void Dispose() => _dir.Dispose();

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Equal to <see cref="PairScorer.Unrelated"/> but another instance: stored as a full row.</summary>
    private static readonly ContradictionScore UnrelatedCopy = PairScorer.Unrelated with { };

    private static readonly Speaker Ann = new("spk-1", "Ann Lee", ["Ann Lee"], []);

    /// <summary>An article in which Ann Lee "said" each content in turn, with its claims (other tests build on it too).</summary>
    internal static (Article Article, Claim[] Claims) MakeArticle(string title, DateOnly? date, params string[] contents)
    {
        var text = string.Concat(contents.Select(c => $"Ann Lee said {c}. "));
        var article = Article.Create(title, date, null, null, text, title + ".txt");
        var claims = new List<Claim>();
        int at = 0;
        foreach (var c in contents)
        {
            int start = at + "Ann Lee said ".Length;
            var span = new TextSpan(start, start + c.Length);
            claims.Add(new Claim(Claim.MakeId(article.Id, span), article.Id, claims.Count, new TextSpan(at, span.End + 1),
                new SpeakerMention(new TextSpan(at, at + 7), "Ann Lee", MentionKind.Name, "Ann Lee", []),
                new TextSpan(at + 8, at + 12), "said", span, c, ClaimKind.ReportedSpeech, date));
            at = span.End + 2;
        }
        return (article, claims.ToArray());
    }

    private static ScoredPair Pair(Claim a, Claim b, ContradictionScore score, float similarity = 0.5f, TemporalOrder order = TemporalOrder.AFirst, int? days = 3) =>
        new(a, b, similarity, score, new TemporalRelation(a.Date, b.Date, order, days));

    private static ContradictionScore Flag(double p) => new(p, 0.05, 0.95 - p, [new Reason("negation", "'not' in one text only", [new TextSpan(0, 3)], [])]);

    private static ArticleBatch Batch(Article article, Claim[] claims, params ScoredPair[] pairs) =>
        new(article, claims.Select(c => new ClaimToStore(c, Ann.Id, [1f, 0f])).ToList(), [Ann], pairs, "model-x", "scorer-1");

    /// <summary>
    /// Two articles. The first: three claims, pairs (c0,c1) flagged, (c0,c2) gated, (c1,c2) gated. The second (a day later):
    /// one claim, pairs with all three earlier claims: gated, flagged, gated (ids 4, 5, 6). Every gated score is <paramref name="gated"/>.
    /// </summary>
    private (ClaimStore Store, Claim[] First, Claim[] Second) Build(string name, ContradictionScore gated)
    {
        var clock = new Clock(Day1);
        var store = ClaimStore.Open(_dir.File(name), clock);
        var (a1, c) = MakeArticle("one", new DateOnly(2024, 1, 1), "taxes will rise", "the bridge is safe", "schools will close");
        Assert.True(store.SaveArticle(Batch(a1, c,
            Pair(c[0], c[1], Flag(0.8)), Pair(c[0], c[2], gated, 0.25f, TemporalOrder.SameDay, 0), Pair(c[1], c[2], gated, 0.125f, TemporalOrder.Unknown, null))));
        clock.Now = Day2;
        var (a2, d) = MakeArticle("two", new DateOnly(2024, 2, 1), "taxes will not rise");
        // A is the older claim; here (c2, d0) has B older by date on purpose: BFirst, the stored order is as given.
        Assert.True(store.SaveArticle(Batch(a2, d,
            Pair(d[0], c[2], gated, 0.375f, TemporalOrder.BFirst, 31), Pair(c[0], d[0], Flag(0.9), 0.875f), Pair(c[1], d[0], gated, 0.0625f))));
        return (store, c, d);
    }

    private static long Rows(ClaimStore store, string table)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Everything a reader sees of a pair, reasons and spans included (records compare lists by reference).</summary>
    private static string Show(StoredPair p) =>
        $"{p.Id}|{p.SpeakerId}|{p.SpeakerName}|{p.A.Claim.Id}|{p.B.Claim.Id}|{p.A.ArticleTitle}|{p.B.Date}|{p.Similarity:R}|" +
        $"{p.Score.Contradiction:R}|{p.Score.Entailment:R}|{p.Score.Neutral:R}|{ReasonJson.ToJson(p.Score.Reasons)}|" +
        $"{p.Time.Order}|{p.Time.DaysApart}|{p.Time.DateA}|{p.Time.DateB}|{p.ModelVersion}|{p.CreatedAt:O}";

    private static string[] ShowAll(ClaimStore store, double min = 0) => store.ListPairs(min).Select(Show).ToArray();

    [Fact]
    public void Gated_pairs_go_to_gated_pairs_and_the_rest_to_pairs_with_one_id_sequence()
    {
        var (store, c, d) = Build("s.db", PairScorer.Unrelated);
        using (store)
        {
            Assert.Equal(2, Rows(store, "pairs"));
            Assert.Equal(4, Rows(store, "gated_pairs"));
            Assert.Equal(6, store.Counts().Pairs);
            // Ids in batch order over both tables, as v3 gave them: flagged pairs 1 and 5.
            var ids = store.ListPairs(0).ToDictionary(p => (p.A.Claim.Id, p.B.Claim.Id), p => p.Id);
            Assert.Equal(1, ids[(c[0].Id, c[1].Id)]);
            Assert.Equal(2, ids[(c[0].Id, c[2].Id)]);
            Assert.Equal(3, ids[(c[1].Id, c[2].Id)]);
            Assert.Equal(4, ids[(d[0].Id, c[2].Id)]);
            Assert.Equal(5, ids[(c[0].Id, d[0].Id)]);
            Assert.Equal(6, ids[(c[1].Id, d[0].Id)]);
            Assert.Equal([5L, 1L], store.ListPairs(0.5).Select(p => p.Id)); // gated pairs are never flagged
        }
    }

    [Fact]
    public void A_gated_pair_reads_as_the_full_pair_it_stands_for()
    {
        var (store, _, d) = Build("s.db", PairScorer.Unrelated);
        using (store)
        {
            var p = store.ListPairs(0).Single(x => x.Id == 4);
            Assert.Equal((d[0].Id, 0.375f, TemporalOrder.BFirst, 31), (p.A.Claim.Id, p.Similarity, p.Time.Order, p.Time.DaysApart));
            Assert.Equal((0.01, 0.01, 0.98), (p.Score.Contradiction, p.Score.Entailment, p.Score.Neutral));
            var reason = Assert.Single(p.Score.Reasons);
            Assert.Equal(("unrelated", "no content word in common: the claims are about different things"), (reason.Kind, reason.Message));
            Assert.Equal("scorer-1", p.ModelVersion);
            Assert.Equal(Day2, p.CreatedAt); // written with the second article
            Assert.Equal(Day1, store.ListPairs(0).Single(x => x.Id == 3).CreatedAt);
            var q = store.ListPairs(0).Single(x => x.Id == 3);
            Assert.Equal((TemporalOrder.Unknown, (int?)null), (q.Time.Order, q.Time.DaysApart));
        }
    }

    [Fact]
    public void Every_reader_sees_the_same_as_in_a_store_where_no_pair_is_gated()
    {
        var (gated, _, _) = Build("gated.db", PairScorer.Unrelated);
        var (full, _, _) = Build("full.db", UnrelatedCopy);
        using (gated)
        using (full)
        {
            Assert.Equal(0, Rows(full, "gated_pairs"));
            Assert.Equal(6, Rows(full, "pairs"));
            Assert.Equal(ShowAll(full), ShowAll(gated));
            Assert.Equal(ShowAll(full, 0.5), ShowAll(gated, 0.5));
            Assert.Equal(ShowAll(full, 0.01), ShowAll(gated, 0.01));
            Assert.Equal(full.Counts(), gated.Counts());
            for (long id = 0; id <= 7; id++)
            {
                Assert.Equal(full.PairExists(id), gated.PairExists(id));
                Assert.Equal(full.GetPair(id) is { } f ? Show(f) : null, gated.GetPair(id) is { } g ? Show(g) : null);
            }
        }
        Assert.Equal(StoreDump.Dump(_dir.File("full.db")), StoreDump.Dump(_dir.File("gated.db")));
        Assert.Equal("", StoreDump.ProblemsOf(_dir.File("gated.db")));
    }

    [Fact]
    public void Saving_an_article_again_adds_no_gated_pair()
    {
        var (store, _, _) = Build("s.db", PairScorer.Unrelated);
        using (store)
        {
            var (a2, d) = MakeArticle("two", new DateOnly(2024, 2, 1), "taxes will not rise");
            var before = ShowAll(store);
            Assert.False(store.SaveArticle(Batch(a2, d)));
            Assert.Equal(before, ShowAll(store));
            Assert.Equal(4, Rows(store, "gated_pairs"));
        }
    }

    [Fact]
    public void A_gated_pair_naming_a_claim_not_stored_fails_and_leaves_nothing_of_the_article()
    {
        using var store = ClaimStore.Open(_dir.File("s.db"), new Clock(Day1));
        var (a1, c) = MakeArticle("one", null, "taxes will rise", "the bridge is safe");
        var ghost = c[1] with { Id = "not-stored:0-1" };
        var ex = Assert.Throws<InvalidOperationException>(() => store.SaveArticle(Batch(a1, c, Pair(c[0], ghost, PairScorer.Unrelated))));
        Assert.Contains("has no claim not-stored:0-1", ex.Message);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0), store.Counts());
        Assert.True(store.SaveArticle(Batch(a1, c, Pair(c[0], c[1], PairScorer.Unrelated))));
        Assert.Equal(1, store.Counts().Pairs);
    }

    [Fact]
    public void Rescore_keeps_pairs_the_gate_still_stops_gated_and_promotes_the_others_with_their_ids()
    {
        var (gated, c, d) = Build("gated.db", PairScorer.Unrelated);
        var (full, _, _) = Build("full.db", UnrelatedCopy);
        // The new "model": lets (c1, c2) and (c1, d0) through (0.7 and 0.3), stops every other gated pair, and re-scores flagged ones.
        ContradictionScore Score(Claim a, Claim b, float _)
        {
            if (a.Id == c[1].Id && b.Id == c[2].Id) return Flag(0.7);
            if (a.Id == c[1].Id && b.Id == d[0].Id) return Flag(0.3);
            if (a.Id == c[0].Id && (b.Id == c[1].Id || b.Id == d[0].Id)) return Flag(0.6);
            return PairScorer.Unrelated;
        }
        using (gated)
        using (full)
        {
            // Batches of 2 over ids 1..6 take from both tables: the merge by id must neither skip nor repeat a pair.
            var seen = new List<string>();
            ContradictionScore Record(Claim a, Claim b, float s) { seen.Add($"{a.Id}>{b.Id}"); return Score(a, b, s); }
            var sg = gated.Rescore(Record, "scorer-2", 0.5, batchSize: 2);
            Assert.Equal(6, seen.Count);
            Assert.Equal(6, seen.Distinct().Count());
            var sf = full.Rescore(Score, "scorer-2", 0.5, batchSize: 2);
            Assert.Equal(new RescoreSummary(6, "scorer-2", 0.5, 2, 3, 1, 0), sg);
            Assert.Equal(sf, sg);
            Assert.Equal(ShowAll(full), ShowAll(gated));
            Assert.Equal(4, Rows(gated, "pairs"));        // 1, 5 and the promoted 3, 6
            Assert.Equal(2, Rows(gated, "gated_pairs"));  // 2, 4: still stopped, now recorded as scorer-2
            Assert.Equal(["scorer-2"], gated.ListPairs(0).Select(p => p.ModelVersion).Distinct());
            var promoted = gated.ListPairs(0).Single(p => p.Id == 6);
            Assert.Equal((0.3, Day2, 0.0625f), (promoted.Score.Contradiction, promoted.CreatedAt, promoted.Similarity));
            Assert.Equal("", StoreDump.ProblemsOf(gated.Path));
        }
    }

    [Fact]
    public void A_verdict_on_a_gated_pair_gives_it_a_pairs_row_and_it_reads_as_before()
    {
        var (store, c, _) = Build("s.db", PairScorer.Unrelated);
        using (store)
        {
            var before = ShowAll(store);
            var write = store.RecordReview(2, "not_contradiction", "rev");
            Assert.NotNull(write);
            Assert.True(write!.Added);
            Assert.Equal(before, ShowAll(store));
            Assert.Equal(3, Rows(store, "pairs"));
            Assert.Equal(3, Rows(store, "gated_pairs"));
            var reviewed = Assert.Single(store.LatestReviews());
            Assert.Equal((2L, c[0].Id, c[2].Id), (reviewed.PairId, reviewed.ClaimA, reviewed.ClaimB));
            Assert.Equal(2L, Assert.Single(store.CurrentReviews()).Key);
            Assert.Null(store.RecordReview(7, "not_contradiction", "rev")); // no such pair in either table
        }
    }

    [Fact]
    public void A_claim_loaded_from_another_store_is_named_by_its_rowid_in_this_one()
    {
        // Store x holds article one's claims at rowids 1..3; store y holds another article first, so the same claims at 3..5.
        var (x, c, _) = Build("x.db", PairScorer.Unrelated);
        using var y = ClaimStore.Open(_dir.File("y.db"), new Clock(Day1));
        var (a0, z) = MakeArticle("zero", null, "nothing happened", "all is well");
        Assert.True(y.SaveArticle(Batch(a0, z)));
        var (a1, _) = MakeArticle("one", new DateOnly(2024, 1, 1), "taxes will rise", "the bridge is safe", "schools will close");
        Assert.True(y.SaveArticle(Batch(a1, c)));
        Claim loaded;
        using (x) loaded = x.LoadClaim(3); // c[2], remembered as rowid 3 of store x
        Assert.Equal(c[2].Id, loaded.Id);
        var (a2, d) = MakeArticle("two", new DateOnly(2024, 2, 1), "taxes will not rise");
        Assert.True(y.SaveArticle(Batch(a2, d, Pair(loaded, d[0], PairScorer.Unrelated))));
        var p = Assert.Single(y.ListPairs(0));
        Assert.Equal((c[2].Id, d[0].Id), (p.A.Claim.Id, p.B.Claim.Id)); // rowid 5 in y (rowid 3 there is c[0])
        // And through a sibling of y (the pipeline's writer connection), a claim y loaded is named by its rowid there.
        var fromY = y.LoadClaim(4); // c[1]
        using var sibling = y.OpenSibling();
        var (a3, e) = MakeArticle("three", null, "the bridge is not safe");
        Assert.True(sibling.SaveArticle(Batch(a3, e, Pair(fromY, e[0], PairScorer.Unrelated))));
        Assert.Equal([(c[1].Id, e[0].Id), (c[2].Id, d[0].Id)],
            sibling.ListPairs(0).Select(q => (q.A.Claim.Id, q.B.Claim.Id)).OrderBy(q => q.Item2 == d[0].Id));
    }

    [Fact]
    public void A_v3_store_with_gated_rows_in_pairs_migrates_and_reads_the_same_then_grows_gated()
    {
        var (store, c, d) = Build("v3.db", PairScorer.Unrelated);
        var before = ShowAll(store);
        store.Dispose();
        var dump = StoreDump.Dump(_dir.File("v3.db"));
        StoreDowngrade.ToV3(_dir.File("v3.db"));
        var clock = new Clock(Day2.AddDays(1));
        using var migrated = ClaimStore.Open(_dir.File("v3.db"), clock);
        Assert.Equal(StoreSchema.LatestVersion, migrated.SchemaVersion);
        Assert.Equal(before, ShowAll(migrated));
        Assert.Equal(6, Rows(migrated, "pairs"));       // v3's rows stay where they are
        Assert.Equal(0, Rows(migrated, "gated_pairs"));
        Assert.Equal(dump, StoreDump.Dump(_dir.File("v3.db")));
        // New pairs continue the id sequence after v3's rows; a gated one lands in gated_pairs.
        var (a3, e) = MakeArticle("three", new DateOnly(2024, 3, 1), "the bridge is not safe");
        Assert.True(migrated.SaveArticle(Batch(a3, e, Pair(c[1], e[0], Flag(0.95)), Pair(d[0], e[0], PairScorer.Unrelated))));
        var ids = migrated.ListPairs(0).ToDictionary(p => (p.A.Claim.Id, p.B.Claim.Id), p => p.Id);
        Assert.Equal((7L, 8L), (ids[(c[1].Id, e[0].Id)], ids[(d[0].Id, e[0].Id)]));
        Assert.Equal(1, Rows(migrated, "gated_pairs"));
        Assert.Equal(8, migrated.Counts().Pairs);
        Assert.Equal(Day2.AddDays(1), migrated.GetPair(8)!.CreatedAt);
    }
}
