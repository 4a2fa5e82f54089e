namespace ContradictionNlp.Pairing;

/// <summary>Options for choosing which stored claims a new claim is scored against.</summary>
public sealed record PairingOptions
{
    /// <summary>At most this many candidates per new claim (keeps cost linear in new claims).</summary>
    public int MaxCandidatesPerClaim { get; init; } = 50;
    /// <summary>Cosine similarity below which two claims are taken to be about different things.</summary>
    public float MinSimilarity { get; init; } = 0.3f;
}

/// <summary>CONTRACT (skeleton): prunes same-speaker candidates by embedding similarity.</summary>
public sealed class CandidateSelector(PairingOptions options)
{
    public PairingOptions Options { get; } = options;

    /// <summary>Indices into <paramref name="pool"/> of the most similar vectors, best first (ties: lower index first).</summary>
    public IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, IReadOnlyList<ReadOnlyMemory<float>> pool) =>
        throw new NotImplementedException();
}
