using ContradictionNlp.Review;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Store;

namespace ContradictionNlp.Tests.Review;

public class ReviewStoreTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [RealModelsFact]
    public void A_verdict_is_stored_at_once_with_reviewer_and_time()
    {
        using var dir = new TempDir();
        var db = ReviewFixture.NewStore(dir);
        long pairId;
        using (var store = ClaimStore.Open(db, new FixedClock(T0)))
        {
            pairId = store.ListPairs(0.5)[0].Id;
            var write = store.RecordReview(pairId, Verdicts.Contradiction, "ana");
            Assert.NotNull(write);
            Assert.True(write.Added);
        }
        // A second connection (as another process would) sees it: nothing waits for a flush.
        using var other = ClaimStore.Open(db);
        var row = Assert.Single(other.ListReviews());
        Assert.Equal((pairId, Verdicts.Contradiction, "ana", T0), (row.PairId, row.Verdict, row.Reviewer, row.At));
        Assert.Equal(Verdicts.Contradiction, other.CurrentReviews()[pairId].Verdict);
        Assert.Equal(1, other.Counts().Reviews);
    }

    [RealModelsFact]
    public void Same_verdict_twice_is_one_row_a_changed_verdict_keeps_history_and_the_latest_wins()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir), new FixedClock(T0));
        var id = store.ListPairs(0.5)[0].Id;
        var first = store.RecordReview(id, Verdicts.Contradiction, "ana")!;
        var again = store.RecordReview(id, Verdicts.Contradiction, "ana")!;
        Assert.False(again.Added);
        Assert.Equal(first.Review.Id, again.Review.Id);
        store.RecordReview(id, Verdicts.NotContradiction, "ben");
        Assert.Equal([Verdicts.Contradiction, Verdicts.NotContradiction], store.ListReviews(id).Select(r => r.Verdict));
        Assert.Equal(Verdicts.NotContradiction, store.CurrentReviews()[id].Verdict);
    }

    [RealModelsFact]
    public void A_skip_is_recorded_but_does_not_replace_the_current_verdict()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        var pairs = store.ListPairs(0.5);
        store.RecordReview(pairs[0].Id, Verdicts.BadClaim, "ana");
        store.RecordReview(pairs[0].Id, Verdicts.Skip, "ana");
        store.RecordReview(pairs[1].Id, Verdicts.Skip, "ana");
        Assert.Equal(3, store.ListReviews().Count);
        var current = store.CurrentReviews();
        Assert.Equal(Verdicts.BadClaim, current[pairs[0].Id].Verdict);
        Assert.False(current.ContainsKey(pairs[1].Id));
    }

    [RealModelsFact]
    public void A_verdict_for_a_missing_pair_writes_nothing_and_an_unknown_verdict_throws()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        Assert.Null(store.RecordReview(999_999, Verdicts.Contradiction, "ana"));
        Assert.Throws<ArgumentException>(() => store.RecordReview(store.ListPairs(0)[0].Id, "maybe", "ana"));
        Assert.Empty(store.ListReviews());
    }

    [RealModelsFact]
    public void Delete_removes_one_row_and_reports_when_it_is_already_gone()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        var id = store.ListPairs(0.5)[0].Id;
        var w = store.RecordReview(id, Verdicts.Contradiction, "ana")!;
        Assert.True(store.DeleteReview(w.Review.Id));
        Assert.False(store.DeleteReview(w.Review.Id));
        Assert.Empty(store.CurrentReviews());
    }

    [RealModelsFact]
    public async Task Two_connections_writing_at_once_lose_and_duplicate_nothing()
    {
        using var dir = new TempDir();
        var db = ReviewFixture.NewStore(dir);
        long[] ids;
        using (var s = ClaimStore.Open(db)) ids = s.ListPairs(0).Select(p => p.Id).ToArray();
        // Two writers (separate connections, as two processes) each judge every pair, and each
        // submits every verdict twice (a double click).
        Task Writer(string who, string verdict) => Task.Run(() =>
        {
            using var s = ClaimStore.Open(db);
            foreach (var id in ids)
            {
                s.RecordReview(id, verdict, who);
                s.RecordReview(id, verdict, who);
            }
        });
        await Task.WhenAll(Writer("ana", Verdicts.Contradiction), Writer("ben", Verdicts.NotContradiction));
        using var store = ClaimStore.Open(db);
        var rows = store.ListReviews();
        // Each writer's second submission is absorbed only when its first is still the latest;
        // so per pair there are 2 to 4 rows, with both reviewers present, and the current verdict is the last row.
        foreach (var id in ids)
        {
            var history = rows.Where(r => r.PairId == id).ToList();
            Assert.InRange(history.Count, 2, 4);
            Assert.Equal(["ana", "ben"], history.Select(r => r.Reviewer).Distinct().Order());
            Assert.Equal(history[^1].Verdict, store.CurrentReviews()[id].Verdict);
            for (int i = 1; i < history.Count; i++)
                Assert.False(history[i].Reviewer == history[i - 1].Reviewer && history[i].Verdict == history[i - 1].Verdict);
        }
    }
}

public class ReviewQueueTests
{
    [RealModelsFact]
    public void Uncertainty_order_puts_the_score_closest_to_one_half_first()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        var items = ReviewQueue.Load(store, new ReviewQuery(MinScore: 0, Status: ReviewStatus.All, Order: ReviewOrder.Uncertainty));
        Assert.Equal(store.ListPairs(0).Count, items.Count);
        var distances = items.Select(i => Math.Abs(i.Pair.Score.Contradiction - 0.5)).ToList();
        Assert.Equal(distances.Order(), distances);
        var byScore = ReviewQueue.Load(store, new ReviewQuery(MinScore: 0, Status: ReviewStatus.All));
        Assert.Equal(byScore.Select(i => i.Pair.Score.Contradiction).OrderDescending(), byScore.Select(i => i.Pair.Score.Contradiction));
    }

    [RealModelsFact]
    public void Status_speaker_and_score_filters_select_the_right_pairs()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(ReviewFixture.NewStore(dir));
        var flagged = ReviewQueue.Load(store, new ReviewQuery());
        Assert.All(flagged, i => Assert.True(i.Pair.Score.Contradiction >= 0.5));
        Assert.Equal(store.ListPairs(0.5).Count, flagged.Count);
        store.RecordReview(flagged[0].Pair.Id, Verdicts.Contradiction, "ana");
        store.RecordReview(flagged[1].Pair.Id, Verdicts.NotContradiction, "ana");

        Assert.Equal(flagged.Count - 2, ReviewQueue.Load(store, new ReviewQuery(Status: ReviewStatus.Unreviewed)).Count);
        Assert.Equal([flagged[0].Pair.Id, flagged[1].Pair.Id], ReviewQueue.Load(store, new ReviewQuery(Status: ReviewStatus.Reviewed)).Select(i => i.Pair.Id));
        Assert.Equal([flagged[0].Pair.Id], ReviewQueue.Load(store, new ReviewQuery(Status: Verdicts.Contradiction)).Select(i => i.Pair.Id));
        Assert.Equal(new ReviewProgress(2, flagged.Count), ReviewQueue.Progress(store));

        var dana = ReviewQueue.Load(store, new ReviewQuery(Speaker: "dana whitfield", MinScore: 0, Status: ReviewStatus.All));
        Assert.NotEmpty(dana);
        Assert.All(dana, i => Assert.Equal("Dana Whitfield", i.Pair.SpeakerName));
        Assert.Empty(ReviewQueue.Load(store, new ReviewQuery(Speaker: "Nobody Atall", MinScore: 0)));
        Assert.Throws<ArgumentException>(() => ReviewQueue.Load(store, new ReviewQuery(Status: "pending")));
    }
}
