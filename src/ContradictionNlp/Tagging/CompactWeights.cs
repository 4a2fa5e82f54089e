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
/// Round 29: the POS tagger's and the recogniser's weights held as only the rows that have a non-zero weight, found through
/// a bucket index. Dense, the tagger's table is 2^19 rows x 17 classes = 35.6 MB and the recogniser's 14.7 MB, nearly all
/// zeros (the files hold 2.1 MB and 0.7 MB), and a sentence's feature rows were cache misses spread over 50 MB. Compact, the
/// rows and index take a few MB. A zero row adds nothing, so the sums are the dense table's, float for float (a sum that
/// starts at +0 and adds non-zero values never becomes -0, the one value adding +0 would change). Immutable; thread-safe.
/// </summary>
internal sealed class CompactWeights : IWeightRows
{
    // Bucket -> start of its row in _rows, or -1 for a row of zeros.
    private readonly int[] _rowOf;
    private readonly float[] _rows;

    private CompactWeights(int classes, int bits, int[] rowOf, float[] rows)
    {
        Classes = classes;
        Bits = bits;
        _rowOf = rowOf;
        _rows = rows;
    }

    public int Classes { get; }
    public int Bits { get; }
    public int Mask => (1 << Bits) - 1;

    /// <summary>Rows held (those with a non-zero weight).</summary>
    public int RowCount => _rows.Length / Classes;

    /// <summary>The non-zero rows of a dense table, in bucket order.</summary>
    public static CompactWeights FromDense(PerceptronWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int k = weights.Classes, buckets = 1 << weights.Bits;
        var w = weights.W;
        var rowOf = new int[buckets];
        var kept = new List<int>();
        for (var b = 0; b < buckets; b++)
        {
            rowOf[b] = -1;
            for (var c = 0; c < k; c++)
                if (w[b * k + c] != 0f) { kept.Add(b); break; }
        }
        var rows = new float[kept.Count * k];
        for (var i = 0; i < kept.Count; i++)
        {
            Array.Copy(w, kept[i] * k, rows, i * k, k);
            rowOf[kept[i]] = i * k;
        }
        return new CompactWeights(k, weights.Bits, rowOf, rows);
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
        for (var b = 0; b < _rowOf.Length; b++)
            if (_rowOf[b] >= 0) Array.Copy(_rows, _rowOf[b], w, b * k, k);
        return new PerceptronWeights(k, Bits, w);
    }

    /// <summary>The file form of <see cref="PerceptronWeights.Write"/> (which writes through this).</summary>
    public void Write(BinaryWriter w)
    {
        var k = Classes;
        var written = new List<int>();
        for (var b = 0; b < _rowOf.Length; b++)
        {
            var at = _rowOf[b];
            if (at < 0) continue;
            for (var c = 0; c < k; c++)
                if ((float)(Half)_rows[at + c] != 0f) { written.Add(b); break; }
        }
        w.Write(written.Count);
        foreach (var b in written)
        {
            var at = _rowOf[b];
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
        var rows = _rows.AsSpan();
        foreach (var f in features)
        {
            var at = _rowOf[f];
            if (at < 0) continue;
            var row = rows.Slice(at, k);
            for (var c = 0; c < k; c++) scores[c] += row[c];
        }
    }

    /// <summary>As <see cref="PerceptronWeights.Score"/>: the scores cleared, then the rows added.</summary>
    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        scores.Clear();
        AddRows(features, scores);
    }
}
