using System.Numerics.Tensors;

namespace ContradictionNlp.Pairing;

/// <summary>Options for choosing which stored claims a new claim is scored against.</summary>
public sealed record PairingOptions
{
    /// <summary>At most this many candidates per new claim (keeps cost linear in new claims).</summary>
    public int MaxCandidatesPerClaim { get; init; } = 50;
    /// <summary>Cosine similarity below which two claims are taken to be about different things.</summary>
    public float MinSimilarity { get; init; } = 0.3f;
}

/// <summary>Prunes same-speaker candidates by embedding similarity. Stateless apart from its options: thread-safe.</summary>
public sealed class CandidateSelector(PairingOptions options)
{
    public PairingOptions Options { get; } = options;

    /// <summary>
    /// Indices into <paramref name="pool"/> of the most similar vectors, best first (ties: lower index first),
    /// at most <see cref="PairingOptions.MaxCandidatesPerClaim"/>, each with similarity &gt;= <see cref="PairingOptions.MinSimilarity"/>.
    /// Vectors are L2-normalised (the embedder's contract), so the dot product is the cosine.
    /// </summary>
    public IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, IReadOnlyList<ReadOnlyMemory<float>> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (Options.MaxCandidatesPerClaim <= 0) return [];
        var hits = new List<(int Index, float Similarity)>();
        for (var i = 0; i < pool.Count; i++)
        {
            var v = pool[i].Span;
            if (v.Length != query.Length)
                throw new ArgumentException($"Pool vector {i} has dimension {v.Length}, expected {query.Length} (same embedder for query and pool).", nameof(pool));
            var sim = TensorPrimitives.Dot(query, v);
            if (sim >= Options.MinSimilarity) hits.Add((i, sim));
        }
        // List.Sort is unstable, so the index is part of the key: equal similarities keep pool order.
        hits.Sort((x, y) => x.Similarity != y.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Index.CompareTo(y.Index));
        if (hits.Count > Options.MaxCandidatesPerClaim) hits.RemoveRange(Options.MaxCandidatesPerClaim, hits.Count - Options.MaxCandidatesPerClaim);
        return hits;
    }
}
