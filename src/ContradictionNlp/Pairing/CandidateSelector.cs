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
        var best = new TopK(Options.MaxCandidatesPerClaim);
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
        var best = new TopK(Options.MaxCandidatesPerClaim);
        for (var i = 0; i < count; i++)
        {
            var sim = TensorPrimitives.Dot(query, matrix.Slice(i * d, d));
            if (sim >= Options.MinSimilarity) best.Offer(i, sim);
        }
        return best.Result();
    }

    /// <summary>
    /// The k best hits by similarity descending, then index ascending: a total order, so the result is the one
    /// sorting every hit gives, but a long pool costs O(n log k), not O(n log n).
    /// </summary>
    private sealed class TopK(int k)
    {
        // Root = the worst kept hit: lowest similarity, and on a tie the highest index.
        private static readonly Comparer<(float Similarity, int Index)> WorstFirst = Comparer<(float Similarity, int Index)>.Create(
            (x, y) => x.Similarity != y.Similarity ? x.Similarity.CompareTo(y.Similarity) : y.Index.CompareTo(x.Index));

        private readonly PriorityQueue<int, (float Similarity, int Index)> _heap = new(WorstFirst);

        public void Offer(int index, float similarity)
        {
            if (_heap.Count < k) _heap.Enqueue(index, (similarity, index));
            else if (_heap.TryPeek(out _, out var worst) && WorstFirst.Compare((similarity, index), worst) > 0)
                _heap.EnqueueDequeue(index, (similarity, index));
        }

        public List<(int Index, float Similarity)> Result()
        {
            var hits = new List<(int Index, float Similarity)>(_heap.Count);
            while (_heap.TryDequeue(out var index, out var key)) hits.Add((index, key.Similarity));
            hits.Reverse(); // dequeued worst first
            return hits;
        }
    }
}
