using ContradictionNlp.Store;

namespace ContradictionNlp.Review;

/// <summary>In which order pairs come up for review.</summary>
public enum ReviewOrder
{
    /// <summary>Highest contradiction probability first.</summary>
    Score,
    /// <summary>
    /// Closest to 0.5 first: the pairs the scorer is least sure about, whose verdicts teach a
    /// retrained model the most (uncertainty sampling, the simplest form of active learning).
    /// </summary>
    Uncertainty,
    /// <summary>Most recent claim B first (what was said lately).</summary>
    Date,
}

/// <summary>Which pairs to list, by their current verdict.</summary>
public static class ReviewStatus
{
    /// <summary>Pairs at or above the score threshold, whatever their verdict.</summary>
    public const string Flagged = "flagged";
    /// <summary>Pairs without a current verdict (never judged, or only skipped).</summary>
    public const string Unreviewed = "unreviewed";
    /// <summary>Pairs with a current verdict.</summary>
    public const string Reviewed = "reviewed";
    public const string All = "all";

    /// <summary>Also accepted: a verdict name (contradiction, not_contradiction, bad_claim) for pairs whose current verdict is that.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Flagged, Unreviewed, Reviewed, Verdicts.Contradiction, Verdicts.NotContradiction, Verdicts.BadClaim, All];

    public static bool IsKnown(string? status) => status is not null && Names.Contains(status, StringComparer.Ordinal);
}

/// <summary>What to review: every filter optional.</summary>
/// <param name="Speaker">Speaker name or id, case-insensitive; null for all.</param>
/// <param name="MinScore">Only pairs scoring at least this. For <see cref="ReviewStatus.All"/> it still applies; pass 0 for every pair.</param>
/// <param name="Status">One of <see cref="ReviewStatus.Names"/>.</param>
public sealed record ReviewQuery(string? Speaker = null, double MinScore = 0.5, string Status = ReviewStatus.Flagged, ReviewOrder Order = ReviewOrder.Score);

/// <summary>A pair with its current verdict (null when none).</summary>
public sealed record ReviewItem(StoredPair Pair, StoredReview? Current)
{
    public string? Verdict => Current?.Verdict;
}

/// <summary>How far a review has come: among the pairs at or above the threshold, how many have a current verdict.</summary>
public sealed record ReviewProgress(int Reviewed, int Total)
{
    public int Remaining => Total - Reviewed;
}

/// <summary>Builds review queues from the store. Deterministic: ties break on pair id.</summary>
public static class ReviewQueue
{
    public static IReadOnlyList<ReviewItem> Load(ClaimStore store, ReviewQuery query)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        if (!ReviewStatus.IsKnown(query.Status))
            throw new ArgumentException($"Unknown status '{query.Status}'; expected one of {string.Join(", ", ReviewStatus.Names)}.", nameof(query));
        var current = store.CurrentReviews();
        var items = store.ListPairs(query.MinScore)
            .Where(p => query.Speaker is null || MatchesSpeaker(p, query.Speaker))
            .Select(p => new ReviewItem(p, current.GetValueOrDefault(p.Id)))
            .Where(i => query.Status switch
            {
                ReviewStatus.Flagged or ReviewStatus.All => true,
                ReviewStatus.Unreviewed => i.Current is null,
                ReviewStatus.Reviewed => i.Current is not null,
                var v => i.Verdict == v,
            });
        return Sort(items, query.Order).ToList();
    }

    public static ReviewProgress Progress(ClaimStore store, double minScore = 0.5)
    {
        var current = store.CurrentReviews();
        var pairs = store.ListPairs(minScore);
        return new ReviewProgress(pairs.Count(p => current.ContainsKey(p.Id)), pairs.Count);
    }

    public static IEnumerable<ReviewItem> Sort(IEnumerable<ReviewItem> items, ReviewOrder order) => order switch
    {
        ReviewOrder.Uncertainty => items.OrderBy(i => Math.Abs(i.Pair.Score.Contradiction - 0.5)).ThenBy(i => i.Pair.Id),
        ReviewOrder.Date => items.OrderByDescending(i => i.Pair.B.Date ?? DateOnly.MinValue).ThenByDescending(i => i.Pair.Score.Contradiction).ThenBy(i => i.Pair.Id),
        _ => items.OrderByDescending(i => i.Pair.Score.Contradiction).ThenBy(i => i.Pair.Id),
    };

    private static bool MatchesSpeaker(StoredPair p, string speaker) =>
        string.Equals(p.SpeakerName, speaker, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(p.SpeakerId, speaker, StringComparison.OrdinalIgnoreCase);
}
