using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Speakers;

namespace ContradictionNlp.Store;

/// <summary>The store cannot be used: wrong file, newer schema, or unreadable. The message names the file.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A claim of the article being saved, with the cross-article speaker it was resolved to and its vector.</summary>
/// <param name="SpeakerId">Null when the mention could not be resolved to anyone.</param>
/// <param name="Vector">Null when the claim was not embedded.</param>
public sealed record ClaimToStore(Claim Claim, string? SpeakerId, float[]? Vector);

/// <summary>
/// Everything one article adds to the store, written in one transaction by
/// <see cref="ClaimStore.SaveArticle"/>: either all of it lands or none of it does.
/// </summary>
/// <param name="Speakers">Speakers the article's claims refer to, in their latest form (new aliases/roles are merged in).</param>
/// <param name="EmbeddingModelId">The model the vectors came from; required when any claim has a vector.</param>
/// <param name="ScorerVersion">The scorer model version recorded with each pair.</param>
public sealed record ArticleBatch(
    Article Article,
    IReadOnlyList<ClaimToStore> Claims,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<ScoredPair> Pairs,
    string? EmbeddingModelId,
    string ScorerVersion);

/// <summary>A stored claim with its speaker and article, as the listing commands show it.</summary>
public sealed record StoredClaim(Claim Claim, string? SpeakerId, string? SpeakerName, string ArticleTitle, DateOnly? ArticleDate)
{
    /// <summary>The claim's own date, else its article's.</summary>
    public DateOnly? Date => Claim.Date ?? ArticleDate;
}

/// <summary>A stored speaker with how many claims are attributed to them.</summary>
public sealed record SpeakerSummary(Speaker Speaker, int ClaimCount);

/// <summary>A stored pair: <see cref="A"/> is the older claim.</summary>
public sealed record StoredPair(
    long Id,
    string SpeakerId,
    string SpeakerName,
    StoredClaim A,
    StoredClaim B,
    float Similarity,
    ContradictionScore Score,
    TemporalRelation Time,
    string ModelVersion,
    DateTimeOffset CreatedAt);

/// <summary>Row counts per table, for tests and "what is in this store" reports.</summary>
public sealed record StoreCounts(int Articles, int Speakers, int Aliases, int Claims, int Embeddings, int Pairs, int Reviews);
