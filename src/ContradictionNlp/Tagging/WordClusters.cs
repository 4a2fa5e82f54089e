using System.Numerics.Tensors;
using ContradictionNlp.Embedding;

namespace ContradictionNlp.Tagging;

/// <summary>
/// Word classes from word vectors: spherical k-means (cosine) over the GloVe vectors of models/embeddings,
/// at two granularities. A word's class is a feature for the tagger and the recogniser: it lets a rare or
/// unseen word ("Tuesday" vs "Wednesday", "Obama" vs "Putin") share weights with its distributional neighbours,
/// which is what Brown clusters did for Ratinov and Roth's (2009) NER. Keyed by the normalised lower-case hash.
/// Immutable, thread-safe.
/// </summary>
public sealed class WordClusters
{
    public const string FileName = "clusters.bin";
    private static ReadOnlySpan<byte> Magic => "CNLPWC01"u8;

    private readonly Dictionary<ulong, ushort> _classes; // fine << 8 | coarse

    private WordClusters(Dictionary<ulong, ushort> classes, int fine, int coarse)
    {
        _classes = classes;
        Fine = fine;
        Coarse = coarse;
    }

    public int Count => _classes.Count;
    public int Fine { get; }
    public int Coarse { get; }

    /// <summary>(fine + 1, coarse + 1) of a word, or (0, 0) when the word has no vector.</summary>
    public (int Fine, int Coarse) Of(ulong lowerHash) =>
        _classes.TryGetValue(lowerHash, out var v) ? ((v >> 8) + 1, (v & 0xFF) + 1) : (0, 0);

    public (int Fine, int Coarse) Of(ReadOnlySpan<char> word) => Of(WordHashes.HashLower(word));

    /// <summary>Clusters the first <paramref name="maxWords"/> words (the most frequent ones in GloVe's order). Deterministic for a seed.</summary>
    public static WordClusters Build(WordVectors vectors, int fine = 256, int coarse = 32, int iterations = 8, int seed = 1, int maxWords = 100_000)
    {
        if (fine is < 2 or > 256 || coarse is < 2 or > 256) throw new ArgumentOutOfRangeException(nameof(fine), "cluster counts must be 2..256");
        var n = Math.Min(maxWords, vectors.Count);
        var d = vectors.Dimension;
        var x = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * d, d);
            vectors.CopyVector(i, row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Divide(row, norm, row);
        }
        var f = KMeans(x, n, d, fine, iterations, seed);
        var c = KMeans(x, n, d, coarse, iterations, seed + 1);
        var classes = new Dictionary<ulong, ushort>(n);
        for (var i = 0; i < n; i++) classes.TryAdd(WordHashes.HashLower(vectors.Word(i)), (ushort)(f[i] << 8 | c[i]));
        return new WordClusters(classes, fine, coarse);
    }

    private static int[] KMeans(float[] x, int n, int d, int k, int iterations, int seed)
    {
        var rng = new Random(seed);
        var centroids = new float[k * d];
        var picked = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k).OrderBy(i => i).ToArray();
        for (var j = 0; j < k; j++) x.AsSpan(picked[j] * d, d).CopyTo(centroids.AsSpan(j * d, d));
        var assign = new int[n];
        for (var it = 0; it < iterations; it++)
        {
            for (var i = 0; i < n; i++)
            {
                var v = x.AsSpan(i * d, d);
                int best = 0;
                var bestDot = float.NegativeInfinity;
                for (var j = 0; j < k; j++)
                {
                    var dot = TensorPrimitives.Dot(v, centroids.AsSpan(j * d, d));
                    if (dot > bestDot) { bestDot = dot; best = j; }
                }
                assign[i] = best;
            }
            var sums = new double[k * d];
            var counts = new int[k];
            for (var i = 0; i < n; i++)
            {
                counts[assign[i]]++;
                var s = sums.AsSpan(assign[i] * d, d);
                var v = x.AsSpan(i * d, d);
                for (var t = 0; t < d; t++) s[t] += v[t];
            }
            for (var j = 0; j < k; j++)
            {
                if (counts[j] == 0) continue; // an empty cluster keeps its centroid
                var cj = centroids.AsSpan(j * d, d);
                for (var t = 0; t < d; t++) cj[t] = (float)sums[j * d + t];
                var norm = TensorPrimitives.Norm(cj);
                if (norm > 0) TensorPrimitives.Divide(cj, norm, cj);
            }
        }
        return assign;
    }

    /// <summary>Layout: magic "CNLPWC01", int32 fine, int32 coarse, int32 count, then (uint64 hash, uint16 fine&lt;&lt;8|coarse) by ascending hash.</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Fine);
        w.Write(Coarse);
        w.Write(_classes.Count);
        foreach (var (k, v) in _classes.OrderBy(kv => kv.Key))
        {
            w.Write(k);
            w.Write(v);
        }
    }

    public static WordClusters Read(Stream stream, string origin)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new Scoring.ModelFormatException($"{origin}: not a word clusters file (expected magic 'CNLPWC01' at offset 0).");
            var fine = r.ReadInt32();
            var coarse = r.ReadInt32();
            var n = r.ReadInt32();
            if (fine is < 2 or > 256 || coarse is < 2 or > 256 || n < 0)
                throw new Scoring.ModelFormatException($"{origin}: {fine} fine / {coarse} coarse clusters and {n} words, expected 2..256 clusters and a non-negative count.");
            var classes = new Dictionary<ulong, ushort>(n);
            for (var i = 0; i < n; i++) classes[r.ReadUInt64()] = r.ReadUInt16();
            return new WordClusters(classes, fine, coarse);
        }
        catch (EndOfStreamException)
        {
            throw new Scoring.ModelFormatException($"{origin}: file ends early (truncated word clusters).");
        }
    }
}
