using System.Buffers.Binary;
using System.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// Multinomial logistic regression over standardised dense features plus hashed binary features.
/// Classes in <see cref="Labels"/> order. Immutable once built.
/// <para>weights.bin layout (format version 1, little-endian):</para>
/// <code>
/// 8 bytes "CNLPLR\0\0" | uint32 version | uint32 classes C | uint32 dense D | uint32 buckets B
/// D float32 means | D float32 standard deviations | C*(1+D+B) float32 weights, class-major:
/// per class: bias, D dense weights, B hashed weights
/// </code>
/// </summary>
public sealed class LogisticModel
{
    public const int FormatVersion = 1;
    public static readonly string[] Labels = ["contradiction", "entailment", "neutral"];
    private static ReadOnlySpan<byte> Magic => "CNLPLR\0\0"u8;

    private readonly float[] _mean;
    private readonly float[] _std;
    private readonly float[] _w;

    public LogisticModel(int dense, int buckets, float[] mean, float[] std, float[] weights)
    {
        if (mean.Length != dense || std.Length != dense || weights.Length != Labels.Length * (1 + dense + buckets))
            throw new ArgumentException($"Expected {dense} means/stds and {Labels.Length * (1 + dense + buckets)} weights.");
        Dense = dense;
        Buckets = buckets;
        _mean = mean;
        _std = std;
        _w = weights;
    }

    public int Dense { get; }
    public int Buckets { get; }
    public int Stride => 1 + Dense + Buckets;
    public ReadOnlySpan<float> Weights => _w;
    public ReadOnlySpan<float> Means => _mean;
    public ReadOnlySpan<float> Stds => _std;

    /// <summary>Class probabilities (softmax) in <see cref="Labels"/> order.</summary>
    public void Predict(ReadOnlySpan<float> dense, ReadOnlySpan<int> hashed, Span<double> probs)
    {
        Span<double> z = stackalloc double[Labels.Length];
        Logits(dense, hashed, z);
        Softmax(z, probs);
    }

    /// <summary>The class scores before the softmax (what temperature scaling divides).</summary>
    public void Logits(ReadOnlySpan<float> dense, ReadOnlySpan<int> hashed, Span<double> z)
    {
        for (var c = 0; c < Labels.Length; c++)
        {
            var row = _w.AsSpan(c * Stride, Stride);
            double s = row[0];
            for (var j = 0; j < Dense; j++) s += row[1 + j] * ((dense[j] - _mean[j]) / _std[j]);
            foreach (var h in hashed) s += row[1 + Dense + h];
            z[c] = s;
        }
    }

    /// <summary>
    /// The same model with every logit divided by <paramref name="temperature"/>: the logits are linear in the
    /// weights, so dividing the weights (bias included) is exact temperature scaling and the file format stays the same.
    /// </summary>
    public LogisticModel WithTemperature(float temperature)
    {
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be positive");
        var w = new float[_w.Length];
        for (var i = 0; i < w.Length; i++) w[i] = _w[i] / temperature;
        return new LogisticModel(Dense, Buckets, (float[])_mean.Clone(), (float[])_std.Clone(), w);
    }

    /// <summary>Softmax of <paramref name="z"/> / <paramref name="temperature"/> (z is divided in place): the calibrated models' output.</summary>
    internal static void TemperedSoftmax(Span<double> z, double temperature, Span<double> p)
    {
        for (var c = 0; c < z.Length; c++) z[c] /= temperature;
        Softmax(z, p);
    }

    internal static void Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z) max = Math.Max(max, v);
        var sum = 0.0;
        for (var i = 0; i < z.Length; i++) sum += p[i] = Math.Exp(z[i] - max);
        for (var i = 0; i < z.Length; i++) p[i] /= sum;
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write((uint)FormatVersion);
            w.Write((uint)Labels.Length);
            w.Write((uint)Dense);
            w.Write((uint)Buckets);
            foreach (var v in _mean) w.Write(v);
            foreach (var v in _std) w.Write(v);
            foreach (var v in _w) w.Write(v);
        }
        return ms.ToArray();
    }

    /// <summary>Parses weights.bin; any mismatch throws <see cref="ModelFormatException"/> naming <paramref name="origin"/> and what was expected.</summary>
    public static LogisticModel FromBytes(ReadOnlySpan<byte> b, string origin)
    {
        if (b.Length < 24 || !b[..8].SequenceEqual(Magic))
            throw new ModelFormatException($"{origin}: not a scorer weights file (expected magic 'CNLPLR' at offset 0).");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion)
            throw new ModelFormatException($"{origin}: weights format version {version}, expected {FormatVersion}.");
        var classes = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        var dense = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
        var buckets = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        if (classes != Labels.Length)
            throw new ModelFormatException($"{origin}: {classes} classes, expected {Labels.Length} ({string.Join(", ", Labels)}).");
        var expected = 24L + 4L * (2L * dense + (long)classes * (1 + dense + buckets));
        if (b.Length != expected)
            throw new ModelFormatException($"{origin}: {b.Length} bytes, expected {expected} for {dense} dense features and {buckets} hash buckets.");
        var floats = new float[(b.Length - 24) / 4];
        for (var i = 0; i < floats.Length; i++) floats[i] = BinaryPrimitives.ReadSingleLittleEndian(b[(24 + 4 * i)..]);
        var mean = floats[..dense];
        var std = floats[dense..(2 * dense)];
        var w = floats[(2 * dense)..];
        return new LogisticModel(dense, buckets, mean, std, w);
    }
}

/// <summary>A model file or folder that this code cannot use: missing, another format version, or inconsistent.</summary>
public sealed class ModelFormatException(string message) : Exception(message);
