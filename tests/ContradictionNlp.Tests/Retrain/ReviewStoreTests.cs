using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Pipeline;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Retrain;

/// <summary>Verdict rows and rescoring on a store filled by the test stages (NegationScorer: 0.9 when one side has "not").</summary>
public class ReviewStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _db;

    public ReviewStoreTests()
    {
        _db = _dir.File("s.db");
        using var store = ClaimStore.Open(_db);
        new AnalysisPipeline(store, TestStages.Create()).Run(
        [
            TestStages.Article("Ann Lee said taxes will not rise. Ann Lee said roads are fine.", "2024-01-10", "a1.txt"),
            TestStages.Article("Ann Lee said taxes will rise. Ann Lee said roads are fine today.", "2024-02-10", "a2.txt"),
        ], new DiagnosticBag());
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Latest_non_skip_verdict_counts_and_history_stays()
    {
        using var store = ClaimStore.Open(_db);
        var pairs = store.ListPairs(0).OrderBy(p => p.Id).ToList();
        Assert.True(pairs.Count >= 3, $"expected at least 3 pairs, got {pairs.Count}");
        store.AddReview(pairs[0].Id, "contradiction", "ann");
        store.AddReview(pairs[0].Id, "not_contradiction:entailment", "bob", "second look");
        store.AddReview(pairs[0].Id, "skip", "cy");
        store.AddReview(pairs[1].Id, "skip", "ann");
        store.AddReview(pairs[2].Id, "bad_claim", "ann");

        var latest = store.LatestReviews();
        Assert.Equal([(pairs[0].Id, "not_contradiction:entailment", "bob", "second look"), (pairs[2].Id, "bad_claim", "ann", (string?)null)],
            latest.Select(r => (r.PairId, r.Review.Verdict, r.Review.Reviewer, r.Review.Note)).ToArray());
        Assert.Equal(pairs[0].A.Claim.ContentText, latest[0].TextA);
        Assert.Equal(pairs[0].B.Claim.ContentText, latest[0].TextB);
        Assert.Equal(["contradiction", "not_contradiction:entailment", "skip"], store.ListReviews(pairs[0].Id).Select(r => r.Verdict).ToArray());
        Assert.Equal(5, store.Counts().Reviews);
    }

    [Fact]
    public void Unknown_verdicts_and_pairs_are_refused()
    {
        using var store = ClaimStore.Open(_db);
        var id = store.ListPairs(0)[0].Id;
        Assert.StartsWith("Unknown verdict 'Contradiction': expected one of contradiction, not_contradiction,",
            Assert.Throws<ArgumentException>(() => store.AddReview(id, "Contradiction", "ann")).Message);
        Assert.StartsWith($"No pair with id 999999 in store '{_db}'.",
            Assert.Throws<ArgumentException>(() => store.AddReview(999999, "contradiction", "ann")).Message);
        Assert.Equal(0, store.Counts().Reviews);
    }

    [Fact]
    public void Rescore_updates_every_pair_in_batches_and_counts_threshold_crossings()
    {
        using var store = ClaimStore.Open(_db);
        var before = store.ListPairs(0);
        var flaggedBefore = before.Count(p => p.Score.Contradiction >= 0.5);
        Assert.True(flaggedBefore > 0);
        // A scorer that flags exactly the pairs whose texts share no "not" pattern: the reverse of the test stage.
        var summary = store.Rescore((a, b, _) => a.ContentText.Contains("not") == b.ContentText.Contains("not")
            ? new ContradictionScore(0.8, 0.1, 0.1, [new Reason("test", "same polarity", [], [])])
            : new ContradictionScore(0.2, 0.4, 0.4, []), "v-test", 0.5, batchSize: 2);
        var after = store.ListPairs(0);
        Assert.Equal(new RescoreSummary(before.Count, "v-test", 0.5, flaggedBefore, before.Count - flaggedBefore, before.Count - flaggedBefore, flaggedBefore), summary);
        Assert.All(after, p => Assert.Equal("v-test", p.ModelVersion));
        Assert.All(after.Where(p => p.Score.Contradiction == 0.8), p => Assert.Equal("same polarity", Assert.Single(p.Score.Reasons).Message));
    }
}
