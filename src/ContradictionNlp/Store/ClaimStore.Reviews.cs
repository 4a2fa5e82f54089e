using System.Globalization;
using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;
using ContradictionNlp.Review;

namespace ContradictionNlp.Store;

/// <summary>One stored verdict on a pair. Every verdict is a row; the pair's current verdict is its latest non-skip row.</summary>
/// <param name="Verdict">One of <see cref="Verdicts.Storable"/>.</param>
public sealed record StoredReview(long Id, long PairId, string Verdict, string Reviewer, DateTimeOffset At, string? Note);

/// <summary>What <see cref="ClaimStore.RecordReview"/> did: <see cref="Added"/> is false when an identical latest verdict was already there.</summary>
public sealed record ReviewWrite(StoredReview Review, bool Added);

/// <summary>A stored article's metadata and text, for showing a claim in its context.</summary>
public sealed record StoredArticle(string Id, string Title, DateOnly? Date, string? Source, string? Author, string Origin, string Text);

// Review additions: kept in their own file so the review branch merges without touching the
// pipeline's code. Uses the reviews table of schema v1 unchanged.
/// <summary>
/// The verdict that counts for one pair (the latest that is not a skip) with the two claim texts
/// the scorer compares. <see cref="ClaimA"/> is the older claim, as in <see cref="StoredPair"/>.
/// </summary>
public sealed record ReviewedPair(long PairId, string ClaimA, string ClaimB, string TextA, string TextB, StoredReview Review);

/// <summary>What a rescore changed: how many pairs, and how many are flagged at the threshold before and after.</summary>
public sealed record RescoreSummary(int Pairs, string ModelVersion, double Threshold, int FlaggedBefore, int FlaggedAfter, int NewlyFlagged, int NoLongerFlagged);

public sealed partial class ClaimStore
{
    public bool PairExists(long pairId) =>
        Scalar("SELECT 1 FROM pairs WHERE id = $id", null, ("$id", pairId)) is not null || GatedPairExists(pairId, null);

    /// <summary>The pair with this id, or null when there is none (deleted, or never existed).</summary>
    public StoredPair? GetPair(long pairId) =>
        // Scores are probabilities (>= 0), so a threshold of 0 lists every pair; stores are small
        // enough (hundreds to thousands of pairs) that one pass beats a second copy of the join.
        PairExists(pairId) ? ListPairs(0).FirstOrDefault(p => p.Id == pairId) : null;

    /// <summary>The article with this id, or null.</summary>
    public StoredArticle? GetArticle(string articleId)
    {
        using var cmd = Command("SELECT id, title, date, source, author, origin, text FROM articles WHERE id = $id", null, ("$id", articleId));
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new StoredArticle(r.GetString(0), r.GetString(1), ParseDate(r.IsDBNull(2) ? null : r.GetString(2)),
            r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetString(6));
    }

    /// <summary>
    /// Stores a verdict at once (its own transaction, so a crash right after loses nothing) and
    /// returns it; null when the pair does not exist (any more). Submitting the same verdict by the
    /// same reviewer as the pair's latest row again (a double click, a retried POST) returns that
    /// row instead of adding a duplicate. The check and the insert share one IMMEDIATE transaction,
    /// so two processes on one store cannot both insert the same duplicate.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown verdict or empty reviewer (programming errors: callers validate input first).</exception>
    public ReviewWrite? RecordReview(long pairId, string verdict, string reviewer, string? note = null)
    {
        if (!Verdicts.IsStorable(verdict))
            throw new ArgumentException($"Unknown verdict '{verdict}': expected one of {string.Join(", ", Verdicts.Storable)}.", nameof(verdict));
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        using var tx = _connection.BeginTransaction(deferred: false);
        if (Scalar("SELECT 1 FROM pairs WHERE id = $id", tx, ("$id", pairId)) is null)
        {
            if (!GatedPairExists(pairId, tx)) return null;
            // STORE9: a gated pair has no pairs row for the verdict to reference: it gets one, as it reads (same id, score, version).
            PromoteGated(pairId, Pairing.PairScorer.Unrelated, null, tx);
        }
        var latest = ReadReviews("WHERE pair_id = $pair ORDER BY id DESC LIMIT 1", tx, ("$pair", pairId)).FirstOrDefault();
        if (latest is not null && latest.Verdict == verdict && latest.Reviewer == reviewer && latest.Note == note)
            return new ReviewWrite(latest, false);
        var at = _clock.GetUtcNow();
        var id = (long)Scalar("""
            INSERT INTO reviews (pair_id, verdict, reviewer, at, note) VALUES ($pair, $verdict, $reviewer, $at, $note)
            RETURNING id
            """, tx, ("$pair", pairId), ("$verdict", verdict), ("$reviewer", reviewer),
            ("$at", at.ToString("O", CultureInfo.InvariantCulture)), ("$note", note))!;
        tx.Commit();
        return new ReviewWrite(new StoredReview(id, pairId, verdict, reviewer, at, note), true);
    }

    /// <summary>Removes one verdict row (the terminal's undo of a verdict it just recorded). False when it is already gone.</summary>
    public bool DeleteReview(long reviewId)
    {
        using var cmd = Command("DELETE FROM reviews WHERE id = $id", null, ("$id", reviewId));
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>Every verdict row, oldest first; only those of one pair when <paramref name="pairId"/> is given.</summary>
    public IReadOnlyList<StoredReview> ListReviews(long? pairId = null) =>
        pairId is { } p
            ? ReadReviews("WHERE pair_id = $pair ORDER BY id", null, ("$pair", p))
            : ReadReviews("ORDER BY id", null);

    /// <summary>
    /// Each reviewed pair's current verdict: its latest row that is not a skip (a skip records that
    /// someone looked, but does not undo an earlier judgement).
    /// </summary>
    public IReadOnlyDictionary<long, StoredReview> CurrentReviews()
    {
        var result = new Dictionary<long, StoredReview>();
        foreach (var r in ReadReviews($"WHERE verdict <> '{Verdicts.Skip}' ORDER BY id", null))
            result[r.PairId] = r; // ascending ids: the last assignment is the latest
        return result;
    }

    private List<StoredReview> ReadReviews(string tail, Microsoft.Data.Sqlite.SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command($"SELECT id, pair_id, verdict, reviewer, at, note FROM reviews {tail}", tx, parameters);
        using var r = cmd.ExecuteReader();
        var result = new List<StoredReview>();
        while (r.Read()) result.Add(ReadReview(r, 0));
        return result;
    }

    /// <summary>
    /// <see cref="RecordReview"/> for callers that treat a missing pair as a programming error (the
    /// retrain scenario, scripts): returns the review's id, or throws naming the pair and the store.
    /// </summary>
    public long AddReview(long pairId, string verdict, string reviewer, string? note = null) =>
        (RecordReview(pairId, verdict, reviewer, note)
         ?? throw new ArgumentException($"No pair with id {pairId} in store '{Path}'.", nameof(pairId))).Review.Id;

    /// <summary>
    /// For each reviewed pair, the latest verdict that is not <see cref="Verdicts.Skip"/>, with the
    /// claim texts; ordered by pair id. Pairs whose only verdicts are skips are absent.
    /// </summary>
    public IReadOnlyList<ReviewedPair> LatestReviews()
    {
        using var cmd = Command("""
            SELECT r.id, r.pair_id, r.verdict, r.reviewer, r.at, r.note, ca.id, cb.id, ca.content_text, cb.content_text
            FROM reviews r
            JOIN pairs p ON p.id = r.pair_id
            JOIN claims ca ON ca.rowid = p.claim_a JOIN claims cb ON cb.rowid = p.claim_b
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
            // STORE9: the next batch by id over both tables. Each table gives its next batchSize rows by id (a range read
            // on its rowid); the merge keeps the lowest batchSize, and the rest are read again with the next batch.
            var batch = new List<(long Id, Claim A, Claim B, float Similarity, double Old, bool Gated)>(batchSize);
            using (var cmd = Command($"""
                SELECT p.id, p.similarity, p.score, {ClaimColumns("ca")}, {ClaimColumns("cb")}
                FROM pairs p JOIN claims ca ON ca.rowid = p.claim_a JOIN claims cb ON cb.rowid = p.claim_b
                WHERE p.id > $last ORDER BY p.id LIMIT $n
                """, null, ("$last", last), ("$n", batchSize)))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    batch.Add((r.GetInt64(0), ReadClaim(r, 3), ReadClaim(r, 3 + ClaimColumnCount), (float)r.GetDouble(1), r.GetDouble(2), false));
            using (var cmd = Command($"""
                SELECT g.id, g.similarity, {ClaimColumns("ga")}, {ClaimColumns("gb")}
                FROM {GatedFrom}
                WHERE g.id > $last ORDER BY g.id LIMIT $n
                """, null, ("$last", last), ("$n", batchSize)))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    batch.Add((r.GetInt64(0), ReadClaim(r, 2), ReadClaim(r, 2 + ClaimColumnCount), (float)r.GetDouble(1),
                        Pairing.PairScorer.Unrelated.Contradiction, true));
            if (batch.Count == 0) break;
            batch.Sort((x, y) => x.Id.CompareTo(y.Id));
            if (batch.Count > batchSize) batch.RemoveRange(batchSize, batch.Count - batchSize);
            // Score outside the transaction (the slow part), then write the batch at once.
            var scores = batch.Select(p => score(p.A, p.B, p.Similarity)).ToList();
            using (var tx = _connection.BeginTransaction())
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var s = scores[i];
                    if (!batch[i].Gated)
                        Execute("""
                            UPDATE pairs SET score = $score, entailment = $ent, neutral = $neu, reasons = $reasons, model_version = $model
                            WHERE id = $id
                            """, tx, ("$score", s.Contradiction), ("$ent", s.Entailment), ("$neu", s.Neutral),
                            ("$reasons", ReasonJson.ToJson(s.Reasons)), ("$model", modelVersion), ("$id", batch[i].Id));
                    // STORE9: a gated pair the gate still stops only records the new version; one it lets through (a new
                    // gate or model) becomes a full pairs row with the same id.
                    else if (IsGated(s))
                        Execute("UPDATE gated_pairs SET model_version = $model WHERE id = $id", tx, ("$model", modelVersion), ("$id", batch[i].Id));
                    else PromoteGated(batch[i].Id, s, modelVersion, tx);
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
