using ContradictionNlp.Review;
using System.Globalization;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;

namespace ContradictionNlp.Training;

/// <summary>
/// Reviewed pairs turned into labelled NLI rows, split into a training part and a fixed held-out part.
/// </summary>
/// <param name="Train">Rows the new model learns from.</param>
/// <param name="HeldOut">Rows both the current and the new model are measured on; never trained on.</param>
/// <param name="Excluded">Pairs whose latest verdict is bad_claim: the claims were wrong, so they teach the scorer nothing.</param>
public sealed record ReviewSplit(IReadOnlyList<LabeledPair> Train, IReadOnlyList<LabeledPair> HeldOut, int Excluded)
{
    public int Count => Train.Count + HeldOut.Count;
}

/// <summary>Maps verdicts to labels and splits reviewed pairs deterministically.</summary>
public static class ReviewData
{
    /// <summary>Origin written on rows that come from reviews (LabeledPair.Source).</summary>
    public const string SourceName = "review";

    /// <summary>
    /// The label index (<see cref="LogisticModel.Labels"/>) a verdict trains as, or null when it trains
    /// nothing: contradiction → contradiction; not_contradiction → neutral; not_contradiction:entailment →
    /// entailment; not_contradiction:neutral → neutral; bad_claim and skip → null.
    /// </summary>
    public static int? LabelOf(string verdict) => verdict switch
    {
        Verdicts.Contradiction => 0,
        Verdicts.NotContradiction => 2,
        Verdicts.NotContradiction + ":" + Verdicts.EntailmentDetail => 1,
        Verdicts.NotContradiction + ":" + Verdicts.NeutralDetail => 2,
        Verdicts.BadClaim or Verdicts.Skip => null,
        _ => throw new FormatException($"Unknown verdict '{verdict}': expected one of {string.Join(", ", Verdicts.Storable)}."),
    };

    /// <summary>
    /// True when the pair belongs to the held-out part. The key is the two claim ids (content hashes, so the
    /// same pair lands on the same side in every store and every run, unlike the store's row id); FNV-1a-32
    /// of "A|B" mod 1000 below <paramref name="share"/> × 1000.
    /// </summary>
    public static bool IsHeldOut(string claimA, string claimB, double share)
    {
        var h = 2166136261u;
        foreach (var c in claimA + "|" + claimB) { h ^= c; h *= 16777619u; }
        return h % 1000 < (uint)Math.Round(share * 1000);
    }

    /// <summary>Builds the split from <see cref="ClaimStore.LatestReviews"/>. A (older claim) is the premise, B the hypothesis, as the pipeline scores them.</summary>
    public static ReviewSplit Split(IReadOnlyList<ReviewedPair> reviews, double holdoutShare, string origin)
    {
        if (double.IsNaN(holdoutShare) || holdoutShare < 0 || holdoutShare >= 1)
            throw new ArgumentOutOfRangeException(nameof(holdoutShare), holdoutShare, "The held-out share must be in [0, 1).");
        var train = new List<LabeledPair>();
        var heldOut = new List<LabeledPair>();
        var excluded = 0;
        foreach (var r in reviews.OrderBy(r => r.PairId))
        {
            if (LabelOf(r.Review.Verdict) is not { } label)
            {
                if (r.Review.Verdict == Verdicts.BadClaim) excluded++;
                continue;
            }
            var row = new LabeledPair("pair-" + r.PairId.ToString(CultureInfo.InvariantCulture), r.TextA, r.TextB, label, SourceName, origin, 0);
            (IsHeldOut(r.ClaimA, r.ClaimB, holdoutShare) ? heldOut : train).Add(row);
        }
        return new ReviewSplit(train, heldOut, excluded);
    }
}
