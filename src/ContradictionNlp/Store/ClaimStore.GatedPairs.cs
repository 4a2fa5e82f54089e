using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Store;

// STORE9 (schema v4): pairs the topic gate stopped live in gated_pairs, without the score, reasons and timestamp they
// all share (see the migration's comment in StoreSchema). This file holds what reads and writes them; every reader
// (ListPairs, Rescore, GetPair, RecordReview, Counts) shows them as the full pairs they were before.
public sealed partial class ClaimStore
{
    /// <summary>
    /// gated_pairs.temporal_order codes. Fixed here, not the enum's own values: stored rows must keep their meaning even
    /// if <see cref="TemporalOrder"/>'s members were ever reordered.
    /// </summary>
    private static readonly (TemporalOrder Order, int Code)[] TemporalCodes =
        [(TemporalOrder.Unknown, 0), (TemporalOrder.SameDay, 1), (TemporalOrder.AFirst, 2), (TemporalOrder.BFirst, 3)];

    private static int TemporalCode(TemporalOrder order)
    {
        foreach (var (o, code) in TemporalCodes)
            if (o == order) return code;
        throw new ArgumentOutOfRangeException(nameof(order), order, "No gated_pairs code for this temporal order.");
    }

    /// <summary>SQL turning <paramref name="column"/>'s code back into the order's name, as pairs.temporal_order holds it.</summary>
    private static string TemporalNameSql(string column) =>
        "CASE " + column + string.Concat(TemporalCodes.Select(t => $" WHEN {t.Code} THEN '{t.Order}'")) + " END";

    /// <summary>
    /// Whether <paramref name="score"/> is the topic gate's verdict, stored as a gated pair. By reference: the pair scorer
    /// returns that one instance for every pair its gate stops; any other score (even an equal one) is stored in full.
    /// </summary>
    internal static bool IsGated(ContradictionScore score) => ReferenceEquals(score, PairScorer.Unrelated);

    /// <summary>A gated pair's created_at, in SQL over gated_pairs <c>g</c> and its claims <c>ga</c>, <c>gb</c> (<see cref="GatedFrom"/>): the ingested_at of the article of the claim stored last (see the migration's comment).</summary>
    private const string GatedCreatedAt =
        "(SELECT ingested_at FROM articles WHERE id = CASE WHEN g.claim_b > g.claim_a THEN gb.article_id ELSE ga.article_id END)";

    private const string GatedFrom = "gated_pairs g JOIN claims ga ON ga.rowid = g.claim_a JOIN claims gb ON gb.rowid = g.claim_b";

    private static readonly (string Name, object? Value)[] GatedParameters =
    [
        ("$gs", PairScorer.Unrelated.Contradiction), ("$ge", PairScorer.Unrelated.Entailment),
        ("$gn", PairScorer.Unrelated.Neutral), ("$gr", ReasonJson.ToJson(PairScorer.Unrelated.Reasons)),
    ];

    private RawStatement? _maxPairId, _maxGatedId, _claimRowIdById, _insertGated, _articleRowIdById, _claimArticleAt, _maxClaimRowId, _claimsFrom;

    // Rowids of the claims this article's pairs name, by claim id (within one Write).
    private readonly Dictionary<string, long> _pairClaimRowIds = new(StringComparer.Ordinal);

    /// <summary>The next pair id: one above the largest of both tables, as SQLite would have given the next pairs row before v4.</summary>
    private long NextPairId()
    {
        long pairs = Raw(ref _maxPairId, "SELECT max(id) FROM pairs").Int64() ?? 0;
        long gated = Raw(ref _maxGatedId, "SELECT max(id) FROM gated_pairs").Int64() ?? 0;
        return Math.Max(pairs, gated) + 1;
    }

    /// <summary>
    /// Identifies the store file this instance and its siblings (<see cref="OpenSibling"/>) write: a rowid learnt through one
    /// of them names the same claim for all of them, and for no other store (another Open, even of the same path, has another).
    /// </summary>
    private object _family = new();

    private sealed record RowIdTag(object Family, long RowId);

    // The stored rowid of each claim object the store has been told of, by reference: those LoadClaim read, and those the
    // pipeline's pools saw committed (round 35). The pipeline pairs a new claim with such claims, so a pair's older claim
    // is named without looking its 64-char id up in the claims index (a random page read in a large store). Weak: a claim
    // the pipeline dropped takes its entry with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Claims.Claim, RowIdTag> LoadedRowIds = new();

    /// <summary>
    /// Records that <paramref name="claim"/> (this object) is stored, committed, under <paramref name="rowId"/> in this store's
    /// file, so a later pair naming it (through this store or a sibling) takes the rowid without a lookup.
    /// </summary>
    internal void RememberRowId(Claims.Claim claim, long rowId) => LoadedRowIds.AddOrUpdate(claim, new RowIdTag(_family, rowId));

    /// <summary>
    /// The rowid of <paramref name="claim"/>: this article's claims are in <see cref="_pairClaimRowIds"/> already, claims
    /// loaded by <see cref="LoadClaim"/> from this store carry theirs, others are looked up (once per article).
    /// </summary>
    private long PairClaimRowId(Claims.Claim claim)
    {
        var claimId = claim.Id;
        if (_pairClaimRowIds.TryGetValue(claimId, out var rowId)) return rowId;
        if (LoadedRowIds.TryGetValue(claim, out var tag) && ReferenceEquals(tag.Family, _family)) return tag.RowId;
        StoreProfile.ClaimLookup();
        // Pairs rows have no foreign keys (v6), so this lookup is what checks that a pair names a stored claim.
        rowId = ClaimRowIdById(claimId, claim.ArticleId)
            ?? throw new InvalidOperationException($"Store '{Path}' has no claim {claimId}: a pair can only name stored claims.");
        _pairClaimRowIds[claimId] = rowId;
        return rowId;
    }

    /// <summary>
    /// The rowid of the claim with id <paramref name="claimId"/> of article <paramref name="articleId"/>; null when the store
    /// has none. Schema v9 keeps no index of claims by id (a run never reads one); the claim is found through its article.
    /// </summary>
    /// <remarks>
    /// An article and its claims are written in one transaction, the article row first, by one writer at a time, and
    /// neither is ever deleted: so claims in rowid order belong to articles in rowid order, and an article's claims are
    /// consecutive. A binary search over claim rowids (each probe one claim and its article's key, ~2 x 19 page reads at
    /// 400k claims) finds the article's first claim, and its claims are read from there. Should a store break that order
    /// (none written by cnlp does), the claim is looked for in every row instead, so the answer never depends on it.
    /// </remarks>
    internal long? ClaimRowIdById(string claimId, string articleId)
    {
        var article = Raw(ref _articleRowIdById, "SELECT rowid FROM articles WHERE id = ?1").Text(1, articleId).Int64();
        if (article is { } target)
        {
            var probe = Raw(ref _claimArticleAt, """
                SELECT c.rowid, a.rowid FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE c.rowid >= ?1 ORDER BY c.rowid LIMIT 1
                """);
            long lo = 1, hi = Raw(ref _maxClaimRowId, "SELECT max(rowid) FROM claims").Int64() ?? 0;
            hi++;
            while (lo < hi) // the first claim rowid whose article is the target or a later one
            {
                long mid = lo + (hi - lo) / 2;
                (long Claim, long Article)? at = null;
                try { if (probe.Int(1, mid).Step()) at = (probe.ColumnInt64(0), probe.ColumnInt64(1)); }
                finally { probe.Reset(); }
                if (at is { } found && found.Article < target) lo = found.Claim + 1;
                else hi = mid;
            }
            var rows = Raw(ref _claimsFrom, "SELECT rowid, id, article_id FROM claims WHERE rowid >= ?1 ORDER BY rowid").Int(1, lo);
            try
            {
                while (rows.Step() && rows.ColumnText(2) == articleId)
                    if (rows.ColumnText(1) == claimId) return rows.ColumnInt64(0);
            }
            finally { rows.Reset(); }
        }
        return Raw(ref _claimRowIdById, "SELECT rowid FROM claims WHERE id = ?1").Text(1, claimId).Int64();
    }

    private void InsertGated(long id, ScoredPair p, string modelVersion) =>
        Raw(ref _insertGated, """
            INSERT INTO gated_pairs (id, claim_a, claim_b, similarity, model_version, temporal_order, days_apart)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """).Int(1, id).Int(2, PairClaimRowId(p.A)).Int(3, PairClaimRowId(p.B)).Real(4, (double)p.Similarity)
            .Text(5, modelVersion).Int(6, TemporalCode(p.Time.Order)).Int(7, p.Time.DaysApart).Execute();

    private static void BindGated(Microsoft.Data.Sqlite.SqliteCommand cmd)
    {
        foreach (var (name, value) in GatedParameters) cmd.Parameters.AddWithValue(name, value);
    }

    private bool GatedPairExists(long pairId, Microsoft.Data.Sqlite.SqliteTransaction? tx) =>
        Scalar("SELECT 1 FROM gated_pairs WHERE id = $id", tx, ("$id", pairId)) is not null;

    /// <summary>
    /// Makes gated pair <paramref name="pairId"/> a full pairs row with the same id, scored <paramref name="score"/> by
    /// <paramref name="modelVersion"/> (null: the version it has), in <paramref name="tx"/>: what a rescore does when the gate
    /// lets it through, and what a review does before it records a verdict (reviews reference pairs rows).
    /// </summary>
    private void PromoteGated(long pairId, ContradictionScore score, string? modelVersion, Microsoft.Data.Sqlite.SqliteTransaction tx)
    {
        using var cmd = Command($"""
            INSERT INTO pairs (id, claim_a, claim_b, similarity, score, entailment, neutral, reasons, model_version,
                temporal_order, days_apart, created_at)
            SELECT g.id, g.claim_a, g.claim_b, g.similarity, $score, $ent, $neu, $reasons, coalesce($model, g.model_version),
                {TemporalNameSql("g.temporal_order")}, g.days_apart, {GatedCreatedAt}
            FROM {GatedFrom} WHERE g.id = $id;
            DELETE FROM gated_pairs WHERE id = $id;
            """, tx, ("$score", score.Contradiction), ("$ent", score.Entailment), ("$neu", score.Neutral),
            ("$reasons", ReasonJson.ToJson(score.Reasons)), ("$model", modelVersion), ("$id", pairId));
        cmd.ExecuteNonQuery();
    }
}
