using System.Globalization;
using ContradictionNlp.Review;

namespace ContradictionNlp.Store;

/// <summary>One stored verdict on a pair. Every verdict is a row; the pair's current verdict is its latest non-skip row.</summary>
/// <param name="Verdict">One of <see cref="Verdicts.All"/>.</param>
public sealed record StoredReview(long Id, long PairId, string Verdict, string Reviewer, DateTimeOffset At, string? Note);

/// <summary>A stored article's metadata and text, for showing a claim in its context.</summary>
/// <summary>What <see cref="ClaimStore.RecordReview"/> did: <see cref="Added"/> is false when an identical latest verdict was already there.</summary>
public sealed record ReviewWrite(StoredReview Review, bool Added);

public sealed record StoredArticle(string Id, string Title, DateOnly? Date, string? Source, string? Author, string Origin, string Text);

// Review additions: kept in their own file so the review branch merges without touching the
// pipeline's code. Uses the reviews table of schema v1 unchanged.
public sealed partial class ClaimStore
{
    public bool PairExists(long pairId) =>
        Scalar("SELECT 1 FROM pairs WHERE id = $id", null, ("$id", pairId)) is not null;

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
        if (!Verdicts.IsKnown(verdict))
            throw new ArgumentException($"Unknown verdict '{verdict}'; expected one of {string.Join(", ", Verdicts.All)}.", nameof(verdict));
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        using var tx = _connection.BeginTransaction(deferred: false);
        if (Scalar("SELECT 1 FROM pairs WHERE id = $id", tx, ("$id", pairId)) is null) return null;
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
        while (r.Read())
            result.Add(new StoredReview(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture), r.IsDBNull(5) ? null : r.GetString(5)));
        return result;
    }
}
