using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ContradictionNlp.Tagging;

/// <summary>The rows of a weight table a tagger reads: dense while training, <see cref="CompactWeights"/> once trained or read.</summary>
internal interface IWeightRows
{
    /// <summary>Adds the rows of <paramref name="features"/> into <paramref name="scores"/> (one entry per class).</summary>
    void AddRows(ReadOnlySpan<int> features, Span<float> scores);
}

/// <summary>A dense table (row = hashed feature, column = class), as the trainer keeps it.</summary>
internal readonly struct DenseRows(float[] w, int classes) : IWeightRows
{
    public void AddRows(ReadOnlySpan<int> features, Span<float> scores) => StructuredPerceptron.AddRows(w, features, classes, scores);
}

/// <summary>
/// Round 29: the POS tagger's and the recogniser's weights held as only the rows that have a non-zero weight. Dense, the
/// tagger's table is 2^19 rows x 17 classes = 35.6 MB and the recogniser's 14.7 MB, nearly all zeros (the files hold 2.1 MB
/// and 0.7 MB), and a sentence's feature rows were cache misses spread over 50 MB. A zero row adds nothing, so the sums are
/// the dense table's, float for float (a sum that starts at +0 and adds non-zero values never becomes -0, the one value
/// adding +0 would change). Immutable; thread-safe.
/// <para>
/// Round 39: the bucket -> row index is a bit per bucket with a running count per 64 buckets (<see cref="IndexWord"/>,
/// 128 KB for 2^19 buckets, which stays in the core's L2 cache) instead of an int per bucket (2 MB, a cache miss per
/// feature); the rows lie in bucket order, so a row's place is the count of present buckets before it. The recogniser's
/// Viterbi reads ~64 rows a token, the tagger ~30, on the 1,877 bbc-news sentences the speaker resolver asks about, and the
/// two lookups per row were 11 % of a 1-thread BBC run (perf, round 39). A row is added with 256-bit vector adds when the
/// CPU has them: each class is still its own float sum, over the same rows in the same order, so the floats are the same.
/// </para>
/// </summary>
internal sealed class CompactWeights : IWeightRows
{
    /// <summary>64 buckets: which hold a row (bit b = bucket 64 w + b), and how many rows the buckets before them hold.</summary>
    private readonly struct IndexWord(ulong present, int rowsBefore)
    {
        public readonly ulong Present = present;
        public readonly int RowsBefore = rowsBefore;
    }

    private readonly IndexWord[] _index;
    // The rows, Classes floats each, in bucket order; then zeros up to a whole vector past the last row's first class, so a
    // vector load at any row stays inside the array (the lanes past the row are read and never stored).
    private readonly float[] _rows;
    private readonly int _vectors;

    private const int Lanes = 8;

    private CompactWeights(int classes, int bits, int[] rowOf, float[] rows)
    {
        Classes = classes;
        Bits = bits;
        // Vector256 lanes per row, rounded up (17 classes: 3 vectors, the tagger; 7: 1, the recogniser).
        _vectors = (classes + Lanes - 1) / Lanes;
        var buckets = 1 << bits;
        _index = new IndexWord[(buckets + 63) / 64];
        var count = 0;
        for (var b = 0; b < buckets; b++) if (rowOf[b] >= 0) count++;
        _rows = new float[count * classes + (_vectors * Lanes - classes)];
        var r = 0;
        for (var w = 0; w < _index.Length; w++)
        {
            ulong present = 0;
            var before = r;
            for (var j = 0; j < 64 && w * 64 + j < buckets; j++)
            {
                var at = rowOf[w * 64 + j];
                if (at < 0) continue;
                present |= 1UL << j;
                Array.Copy(rows, at, _rows, r * classes, classes);
                r++;
            }
            _index[w] = new IndexWord(present, before);
        }
    }

    public int Classes { get; }
    public int Bits { get; }
    public int Mask => (1 << Bits) - 1;

    /// <summary>Rows held (those with a non-zero weight).</summary>
    public int RowCount => _index.Length == 0 ? 0 : _index[^1].RowsBefore + System.Numerics.BitOperations.PopCount(_index[^1].Present);

    /// <summary>Where bucket <paramref name="bucket"/>'s row starts in the rows, or -1 for a row of zeros.</summary>
    private int RowStart(int bucket)
    {
        var word = _index[bucket >> 6];
        var bit = bucket & 63;
        if ((word.Present >> bit & 1) == 0) return -1;
        return (word.RowsBefore + System.Numerics.BitOperations.PopCount(word.Present & ((1UL << bit) - 1))) * Classes;
    }

    /// <summary>The non-zero rows of a dense table, in bucket order.</summary>
    public static CompactWeights FromDense(PerceptronWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int k = weights.Classes, buckets = 1 << weights.Bits;
        var w = weights.W;
        var rowOf = new int[buckets];
        for (var b = 0; b < buckets; b++)
        {
            rowOf[b] = -1;
            for (var c = 0; c < k; c++)
                if (w[b * k + c] != 0f) { rowOf[b] = b * k; break; }
        }
        return new CompactWeights(k, weights.Bits, rowOf, w);
    }

    /// <summary>Reads what <see cref="Write"/> wrote, straight into compact rows (no dense table); a corrupt file throws with its offending row or class.</summary>
    public static CompactWeights Read(BinaryReader r, int classes, int bits, string origin)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (bits is < 8 or > 26) throw new ArgumentOutOfRangeException(nameof(bits), bits, "hash bits must be 8..26");
        var count = r.ReadInt32();
        if (count < 0 || count > 1 << bits) throw new Scoring.ModelFormatException($"{origin}: {count} weight rows, expected 0..{1 << bits}.");
        var rowOf = new int[1 << bits];
        Array.Fill(rowOf, -1);
        var rows = new float[count * classes];
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var row = r.ReadInt32();
            int n = r.ReadByte();
            if ((uint)row >= 1u << bits || n > classes) throw new Scoring.ModelFormatException($"{origin}: weight row {row} with {n} entries, expected row < {1 << bits} and at most {classes} entries (corrupt file).");
            // A row written twice (never by Write) keeps one place, as the dense table kept one row.
            if (rowOf[row] < 0) { rowOf[row] = used; used += classes; }
            var at = rowOf[row];
            for (var j = 0; j < n; j++)
            {
                int c = r.ReadByte();
                var v = (float)r.ReadHalf();
                if (c >= classes) throw new Scoring.ModelFormatException($"{origin}: class {c} in row {row}, expected < {classes} (corrupt file).");
                rows[at + c] = v;
            }
        }
        if (used < rows.Length) Array.Resize(ref rows, used);
        return new CompactWeights(classes, bits, rowOf, rows);
    }

    /// <summary>The dense table (what the attribution tagger reads): these rows at their buckets, zeros elsewhere.</summary>
    public PerceptronWeights ToDense()
    {
        var k = Classes;
        var w = new float[(1 << Bits) * k];
        for (var b = 0; b < 1 << Bits; b++)
            if (RowStart(b) is var at and >= 0) Array.Copy(_rows, at, w, b * k, k);
        return new PerceptronWeights(k, Bits, w);
    }

    /// <summary>The file form of <see cref="PerceptronWeights.Write"/> (which writes through this).</summary>
    public void Write(BinaryWriter w)
    {
        var k = Classes;
        var written = new List<int>();
        for (var b = 0; b < 1 << Bits; b++)
        {
            var at = RowStart(b);
            if (at < 0) continue;
            for (var c = 0; c < k; c++)
                if ((float)(Half)_rows[at + c] != 0f) { written.Add(b); break; }
        }
        w.Write(written.Count);
        foreach (var b in written)
        {
            var at = RowStart(b);
            w.Write(b);
            byte n = 0;
            for (var c = 0; c < k; c++) if ((float)(Half)_rows[at + c] != 0f) n++;
            w.Write(n);
            for (var c = 0; c < k; c++)
            {
                var h = (Half)_rows[at + c];
                if ((float)h == 0f) continue;
                w.Write((byte)c);
                w.Write(h);
            }
        }
    }

    public void AddRows(ReadOnlySpan<int> features, Span<float> scores)
    {
        var k = Classes;
        if (scores.Length < k) throw new ArgumentException($"{scores.Length} scores for {k} classes", nameof(scores));
        if (Vector256.IsHardwareAccelerated && _vectors <= 3) AddRowsVector(features, scores);
        else AddRowsScalar(features, scores);
    }

    /// <summary>The rows added one float at a time (the path without 256-bit vectors; tests compare it with the vector path).</summary>
    internal void AddRowsScalar(ReadOnlySpan<int> features, Span<float> scores)
    {
        var k = Classes;
        var rows = _rows.AsSpan();
        foreach (var f in features)
        {
            var at = RowStart(f);
            if (at < 0) continue;
            var row = rows.Slice(at, k);
            for (var c = 0; c < k; c++) scores[c] += row[c];
        }
    }

    // The scores go into up to three vector accumulators (lanes past the last class start at 0 and are never stored back).
    private void AddRowsVector(ReadOnlySpan<int> features, Span<float> scores)
    {
        var k = Classes;
        Span<float> acc = stackalloc float[3 * Lanes];
        acc.Clear();
        scores[..k].CopyTo(acc);
        ref var a0 = ref MemoryMarshal.GetReference(acc);
        var v0 = Vector256.LoadUnsafe(ref a0);
        var v1 = Vector256.LoadUnsafe(ref a0, Lanes);
        var v2 = Vector256.LoadUnsafe(ref a0, 2 * Lanes);
        ref var r0 = ref MemoryMarshal.GetArrayDataReference(_rows);
        var index = _index;
        var vectors = _vectors;
        // RowStart written out here: calling it (even marked for inlining) made the BBC run's extract stage 0.80-0.83 s
        // against 0.71-0.72 s, alternated on the same machine (round 39).
        foreach (var f in features)
        {
            var word = index[f >> 6];
            var bit = f & 63;
            if ((word.Present >> bit & 1) == 0) continue;
            var at = (nuint)((word.RowsBefore + System.Numerics.BitOperations.PopCount(word.Present & ((1UL << bit) - 1))) * k);
            v0 += Vector256.LoadUnsafe(ref r0, at);
            if (vectors > 1) v1 += Vector256.LoadUnsafe(ref r0, at + Lanes);
            if (vectors > 2) v2 += Vector256.LoadUnsafe(ref r0, at + 2 * Lanes);
        }
        v0.StoreUnsafe(ref a0);
        v1.StoreUnsafe(ref a0, Lanes);
        v2.StoreUnsafe(ref a0, 2 * Lanes);
        acc[..k].CopyTo(scores);
    }

    /// <summary>As <see cref="PerceptronWeights.Score"/>: the scores cleared, then the rows added.</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        scores.Clear();
        AddRows(features, scores);
    }
}
