using System.Globalization;
using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Store;

/// <summary>
/// What a reviewer can say about a flagged pair, as stored in <c>reviews.verdict</c>. A verdict may
/// carry a detail after a colon: <c>not_contradiction:entailment</c> says B follows from A (trained
/// as entailment), <c>not_contradiction:neutral</c> or plain <c>not_contradiction</c> says they are
/// compatible (trained as neutral). The text form keeps schema v1 unchanged.
/// </summary>
public static class ReviewVerdicts
{
    public const string Contradiction = "contradiction";
    public const string NotContradiction = "not_contradiction";
    /// <summary>The claim extraction was wrong (not a claim, wrong speaker): the pair says nothing about the scorer.</summary>
    public const string BadClaim = "bad_claim";
    /// <summary>The reviewer passed: not a verdict, so it never replaces an earlier one.</summary>
    public const string Skip = "skip";
    public const string EntailmentDetail = "entailment";
    public const string NeutralDetail = "neutral";

    public static readonly IReadOnlyList<string> All =
        [Contradiction, NotContradiction, NotContradiction + ":" + EntailmentDetail, NotContradiction + ":" + NeutralDetail, BadClaim, Skip];

    /// <summary>True when <paramref name="verdict"/> is one of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsValid(string? verdict) => verdict is not null && All.Contains(verdict, StringComparer.Ordinal);

    /// <summary>The verdict without its detail: <c>not_contradiction:entailment</c> → <c>not_contradiction</c>.</summary>
    public static string Kind(string verdict)
    {
        var colon = verdict.IndexOf(':');
        return colon < 0 ? verdict : verdict[..colon];
    }
}

/// <summary>One stored verdict row.</summary>
public sealed record StoredReview(long Id, long PairId, string Verdict, string Reviewer, DateTimeOffset At, string? Note);

/// <summary>
/// The verdict that counts for one pair (the latest that is not a skip) with the two claim texts
/// the scorer compares. <see cref="ClaimA"/> is the older claim, as in <see cref="StoredPair"/>.
/// </summary>
public sealed record ReviewedPair(long PairId, string ClaimA, string ClaimB, string TextA, string TextB, StoredReview Review);

/// <summary>What a rescore changed: how many pairs, and how many are flagged at the threshold before and after.</summary>
public sealed record RescoreSummary(int Pairs, string ModelVersion, double Threshold, int FlaggedBefore, int FlaggedAfter, int NewlyFlagged, int NoLongerFlagged);

public sealed partial class ClaimStore
{
    /// <summary>
    /// Stores one verdict on pair <paramref name="pairId"/> and returns the review's id. Every verdict is
    /// kept (the history stays); the latest non-skip one counts. Throws <see cref="ArgumentException"/>
    /// for an unknown verdict, an empty reviewer, or a pair that does not exist.
    /// </summary>
    public long AddReview(long pairId, string verdict, string reviewer, string? note = null)
    {
        if (!ReviewVerdicts.IsValid(verdict))
            throw new ArgumentException($"Unknown verdict '{verdict}': expected one of {string.Join(", ", ReviewVerdicts.All)}.", nameof(verdict));
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        using var tx = _connection.BeginTransaction();
        if (Scalar("SELECT 1 FROM pairs WHERE id = $id", tx, ("$id", pairId)) is null)
            throw new ArgumentException($"No pair with id {pairId} in store '{Path}'.", nameof(pairId));
        var at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = (long)Scalar("""
            INSERT INTO reviews (pair_id, verdict, reviewer, at, note) VALUES ($pair, $verdict, $reviewer, $at, $note)
            RETURNING id
            """, tx, ("$pair", pairId), ("$verdict", verdict), ("$reviewer", reviewer), ("$at", at), ("$note", note))!;
        tx.Commit();
        return id;
    }

    /// <summary>Every verdict on one pair, oldest first.</summary>
    public IReadOnlyList<StoredReview> ListReviews(long pairId)
    {
        using var cmd = Command("SELECT id, pair_id, verdict, reviewer, at, note FROM reviews WHERE pair_id = $p ORDER BY id", null, ("$p", pairId));
        using var r = cmd.ExecuteReader();
        var result = new List<StoredReview>();
        while (r.Read()) result.Add(ReadReview(r, 0));
        return result;
    }

    /// <summary>
    /// For each reviewed pair, the latest verdict that is not <see cref="ReviewVerdicts.Skip"/>, with the
    /// claim texts; ordered by pair id. Pairs whose only verdicts are skips are absent.
    /// </summary>
    public IReadOnlyList<ReviewedPair> LatestReviews()
    {
        using var cmd = Command("""
            SELECT r.id, r.pair_id, r.verdict, r.reviewer, r.at, r.note, p.claim_a, p.claim_b, ca.content_text, cb.content_text
            FROM reviews r
            JOIN pairs p ON p.id = r.pair_id
            JOIN claims ca ON ca.id = p.claim_a JOIN claims cb ON cb.id = p.claim_b
            WHERE r.id = (SELECT max(id) FROM reviews WHERE pair_id = r.pair_id AND verdict <> 'skip')
            ORDER BY r.pair_id
            """);
        using var r = cmd.ExecuteReader();
        var result = new List<ReviewedPair>();
        while (r.Read())
            result.Add(new ReviewedPair(r.GetInt64(1), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), ReadReview(r, 0)));
        return result;
    }

    private static StoredReview ReadReview(Microsoft.Data.Sqlite.SqliteDataReader r, int o) =>
        new(r.GetInt64(o), r.GetInt64(o + 1), r.GetString(o + 2), r.GetString(o + 3),
            DateTimeOffset.Parse(r.GetString(o + 4), CultureInfo.InvariantCulture), r.IsDBNull(o + 5) ? null : r.GetString(o + 5));

    /// <summary>
    /// Re-scores every stored pair with <paramref name="score"/> (given the older claim, the newer claim and
    /// their similarity) and records <paramref name="modelVersion"/> on each. Pairs are read and written in
    /// batches of <paramref name="batchSize"/> by id, one transaction per batch: an interrupted rescore
    /// leaves whole batches done and the rest untouched, and re-running it finishes the job.
    /// </summary>
    public RescoreSummary Rescore(Func<Claim, Claim, float, ContradictionScore> score, string modelVersion, double threshold = 0.5, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int pairs = 0, before = 0, after = 0, up = 0, down = 0;
        long last = long.MinValue;
        while (true)
        {
            var batch = new List<(long Id, Claim A, Claim B, float Similarity, double Old)>(batchSize);
            using (var cmd = Command($"""
                SELECT p.id, p.similarity, p.score, {ClaimColumns("ca")}, {ClaimColumns("cb")}
                FROM pairs p JOIN claims ca ON ca.id = p.claim_a JOIN claims cb ON cb.id = p.claim_b
                WHERE p.id > $last ORDER BY p.id LIMIT $n
                """, null, ("$last", last), ("$n", batchSize)))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    batch.Add((r.GetInt64(0), ReadClaim(r, 3), ReadClaim(r, 3 + ClaimColumnCount), (float)r.GetDouble(1), r.GetDouble(2)));
            if (batch.Count == 0) break;
            // Score outside the transaction (the slow part), then write the batch at once.
            var scores = batch.Select(p => score(p.A, p.B, p.Similarity)).ToList();
            using (var tx = _connection.BeginTransaction())
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var s = scores[i];
                    Execute("""
                        UPDATE pairs SET score = $score, entailment = $ent, neutral = $neu, reasons = $reasons, model_version = $model
                        WHERE id = $id
                        """, tx, ("$score", s.Contradiction), ("$ent", s.Entailment), ("$neu", s.Neutral),
                        ("$reasons", WriteReasons(s.Reasons)), ("$model", modelVersion), ("$id", batch[i].Id));
                    bool was = batch[i].Old >= threshold, now = s.Contradiction >= threshold;
                    if (was) before++;
                    if (now) after++;
                    if (now && !was) up++;
                    if (was && !now) down++;
                }
                tx.Commit();
            }
            pairs += batch.Count;
            last = batch[^1].Id;
        }
        return new RescoreSummary(pairs, modelVersion, threshold, before, after, up, down);
    }
}
