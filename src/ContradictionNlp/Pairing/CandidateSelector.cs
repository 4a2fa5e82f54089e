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
        var best = new TopK(Options.MaxCandidatesPerClaim, pool.Count);
        for (var i = 0; i < pool.Count; i++)
        {
            var v = pool[i].Span;
            if (v.Length != query.Length)
                throw new ArgumentException($"Pool vector {i} has dimension {v.Length}, expected {query.Length} (same embedder for query and pool).", nameof(pool));
            var sim = TensorPrimitives.Dot(query, v);
            if (sim >= Options.MinSimilarity) best.Offer(i, sim);
        }
        return best.Result();
    }

    /// <summary>
    /// As <see cref="Select(ReadOnlySpan{float}, IReadOnlyList{ReadOnlyMemory{float}})"/> over <paramref name="count"/>
    /// rows of a row-major <paramref name="matrix"/> (row i = pool vector i): one contiguous scan, no per-row objects.
    /// </summary>
    public IReadOnlyList<(int Index, float Similarity)> Select(ReadOnlySpan<float> query, ReadOnlySpan<float> matrix, int count)
    {
        int d = query.Length;
        if (count < 0 || (long)count * d > matrix.Length)
            throw new ArgumentException($"A matrix of {matrix.Length} floats cannot hold {count} rows of dimension {d} (same embedder for query and pool).", nameof(matrix));
        if (Options.MaxCandidatesPerClaim <= 0) return [];
        var best = new TopK(Options.MaxCandidatesPerClaim, count);
        for (var i = 0; i < count; i++)
        {
            var sim = TensorPrimitives.Dot(query, matrix.Slice(i * d, d));
            if (sim >= Options.MinSimilarity) best.Offer(i, sim);
        }
        return best.Result();
    }

    /// <summary>
    /// The k best hits by similarity descending, then index ascending: a total order, so the result is the one
    /// sorting every hit gives, but a long pool costs O(n) comparisons against the worst kept hit, not O(n log n).
    /// </summary>
    /// <remarks>
    /// A sorted array (best first) with insertion, not a <see cref="PriorityQueue{TElement, TPriority}"/>: k is at most
    /// a few dozen and most offers lose to the worst kept hit with one comparison. PAR11: the queue over
    /// <c>(float, int)</c> priorities is a generic instantiation the framework's precompiled code does not hold, so each
    /// run JIT-compiled its methods, and it called a comparer delegate per comparison; this is our own precompiled code.
    /// </remarks>
    /// <param name="offers">At most this many hits will be offered (the pool's size): the arrays need no more room.</param>
    private sealed class TopK(int k, int offers)
    {
        private readonly int[] _index = new int[Math.Min(k, offers)];
        private readonly float[] _similarity = new float[Math.Min(k, offers)];
        private int _count;

        /// <summary>True when hit (s1, i1) ranks before (s2, i2): higher similarity, on a tie the lower index.</summary>
        private static bool Before(float s1, int i1, float s2, int i2) => s1 > s2 || (s1 == s2 && i1 < i2);

        public void Offer(int index, float similarity)
        {
            int last = _count - 1;
            if (_count == _index.Length)
            {
                if (!Before(similarity, index, _similarity[last], _index[last])) return;
                last--; // the worst kept hit drops out
            }
            else _count++;
            // Shift the kept hits that rank after the new one down by one, from the end.
            int at = last;
            while (at >= 0 && Before(similarity, index, _similarity[at], _index[at]))
            {
                _similarity[at + 1] = _similarity[at];
                _index[at + 1] = _index[at];
                at--;
            }
            _similarity[at + 1] = similarity;
            _index[at + 1] = index;
        }

        public List<(int Index, float Similarity)> Result()
        {
            var hits = new List<(int Index, float Similarity)>(_count);
            for (int i = 0; i < _count; i++) hits.Add((_index[i], _similarity[i]));
            return hits;
        }
    }
}
