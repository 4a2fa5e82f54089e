using System.Buffers.Binary;
using System.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// "Wide &amp; deep" scorer model: the logistic model's linear part (bias, standardised dense features,
/// hashed words) plus a one-hidden-layer ReLU network over the standardised dense features, whose
/// output is added to the linear logits. The hidden layer is what lets cues combine (negation AND high
/// overlap means contradiction, high overlap WITHOUT negation means entailment), which a linear model
/// over the same features cannot express. Logits are divided by a temperature fitted on a validation
/// part of the training data, for calibration. Immutable and thread-safe.
/// <para>weights.bin layout (little-endian):</para>
/// <code>
/// 8 bytes "CNLPWD\0\0" | uint32 version | uint32 classes C | uint32 dense D | uint32 buckets B | uint32 hidden H | float32 temperature
/// D float32 means | D float32 stds | C*(1+D+B) float32 linear weights (as LogisticModel)
/// H*D float32 W1 (row per hidden unit) | H float32 b1 | C*H float32 W2 (row per class)
/// </code>
/// </summary>
public sealed class WideDeepModel
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "CNLPWD\0\0"u8;

    private readonly float[] _mean, _std, _lin, _w1, _b1, _w2;

    public WideDeepModel(int dense, int buckets, int hidden, float temperature, float[] mean, float[] std, float[] linear, float[] w1, float[] b1, float[] w2)
    {
        var c = LogisticModel.Labels.Length;
        if (mean.Length != dense || std.Length != dense || linear.Length != c * (1 + dense + buckets)
            || w1.Length != hidden * dense || b1.Length != hidden || w2.Length != c * hidden)
            throw new ArgumentException($"Array sizes do not match {dense} dense features, {buckets} buckets and {hidden} hidden units.");
        if (!(temperature > 0) || float.IsInfinity(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Temperature must be positive and finite.");
        Dense = dense; Buckets = buckets; Hidden = hidden; Temperature = temperature;
        _mean = mean; _std = std; _lin = linear; _w1 = w1; _b1 = b1; _w2 = w2;
    }

    public int Dense { get; }
    public int Buckets { get; }
    public int Hidden { get; }
    public float Temperature { get; }
    public int Stride => 1 + Dense + Buckets;

    /// <summary>A copy with another temperature (same weights).</summary>
    public WideDeepModel WithTemperature(float t) => new(Dense, Buckets, Hidden, t, _mean, _std, _lin, _w1, _b1, _w2);

    /// <summary>Unscaled logits (before the temperature), in <see cref="LogisticModel.Labels"/> order.</summary>
    public void Logits(ReadOnlySpan<float> dense, ReadOnlySpan<int> hashed, Span<double> z)
    {
        var classes = LogisticModel.Labels.Length;
        Span<double> x = Dense <= 256 ? stackalloc double[Dense] : new double[Dense];
        for (var j = 0; j < Dense; j++) x[j] = (dense[j] - _mean[j]) / _std[j];
        for (var c = 0; c < classes; c++)
        {
            var row = _lin.AsSpan(c * Stride, Stride);
            double s = row[0];
            for (var j = 0; j < Dense; j++) s += row[1 + j] * x[j];
            foreach (var h in hashed) s += row[1 + Dense + h];
            z[c] = s;
        }
        for (var k = 0; k < Hidden; k++)
        {
            double a = _b1[k];
            var r = _w1.AsSpan(k * Dense, Dense);
            for (var j = 0; j < Dense; j++) a += r[j] * x[j];
            if (a <= 0) continue; // ReLU
            for (var c = 0; c < classes; c++) z[c] += _w2[c * Hidden + k] * a;
        }
    }

    /// <summary>Class probabilities: softmax of logits / temperature.</summary>
    public void Predict(ReadOnlySpan<float> dense, ReadOnlySpan<int> hashed, Span<double> probs)
    {
        Span<double> z = stackalloc double[LogisticModel.Labels.Length];
        Logits(dense, hashed, z);
        LogisticModel.TemperedSoftmax(z, Temperature, probs);
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write((uint)FormatVersion);
            w.Write((uint)LogisticModel.Labels.Length);
            w.Write((uint)Dense);
            w.Write((uint)Buckets);
            w.Write((uint)Hidden);
            w.Write(Temperature);
            foreach (var a in new[] { _mean, _std, _lin, _w1, _b1, _w2 })
                foreach (var v in a) w.Write(v);
        }
        return ms.ToArray();
    }

    public const int HeaderBytes = 32;

    /// <summary>Parses weights.bin; any mismatch throws <see cref="ModelFormatException"/> naming <paramref name="origin"/>.</summary>
    public static WideDeepModel FromBytes(ReadOnlySpan<byte> b, string origin)
    {
        if (b.Length < HeaderBytes || !b[..8].SequenceEqual(Magic))
            throw new ModelFormatException($"{origin}: not a wide-deep scorer weights file (expected magic 'CNLPWD' at offset 0).");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion)
            throw new ModelFormatException($"{origin}: weights format version {version}, expected {FormatVersion}.");
        var classes = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        var dense = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
        var buckets = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        var hidden = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[24..]);
        var t = BinaryPrimitives.ReadSingleLittleEndian(b[28..]);
        if (classes != LogisticModel.Labels.Length)
            throw new ModelFormatException($"{origin}: {classes} classes, expected {LogisticModel.Labels.Length}.");
        var lin = (long)classes * (1 + dense + buckets);
        var expected = HeaderBytes + 4L * (2L * dense + lin + (long)hidden * dense + hidden + (long)classes * hidden);
        if (b.Length != expected)
            throw new ModelFormatException($"{origin}: {b.Length} bytes, expected {expected} for {dense} dense features, {buckets} buckets and {hidden} hidden units.");
        if (!(t > 0) || float.IsInfinity(t))
            throw new ModelFormatException($"{origin}: temperature {t}, expected a positive finite number.");
        var pos = HeaderBytes;
        var mean = Take(b, ref pos, dense); var std = Take(b, ref pos, dense); var w = Take(b, ref pos, lin);
        var w1 = Take(b, ref pos, (long)hidden * dense); var b1 = Take(b, ref pos, hidden); var w2 = Take(b, ref pos, (long)classes * hidden);
        return new WideDeepModel(dense, buckets, hidden, t, mean, std, w, w1, b1, w2);
    }

    private static float[] Take(ReadOnlySpan<byte> b, ref int pos, long n)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++, pos += 4) a[i] = BinaryPrimitives.ReadSingleLittleEndian(b[pos..]);
        return a;
    }
}
