using System.Buffers.Binary;
using System.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// The logistic model plus a <see cref="AttentionModel"/>, mixed on the logit scale and temperature-scaled:
/// p = softmax((z_logistic + <see cref="MixWeight"/> z_attention) / <see cref="Temperature"/>). Both parts are fitted on
/// the training rows outside the validation part; the mix weight and temperature are fitted together on that part
/// (rows neither part saw), so the mix does not learn from in-sample scores. Immutable and thread-safe.
/// <para>weights.bin layout (little-endian): "CNLPAM\0\0" | uint32 version | float32 mix weight | float32 temperature |
/// uint32 mode (0 mix, 1 stacked: the logistic part reads the 3 attention logits after the dense features) | uint32 L | L bytes: a complete logistic weights file (untempered) | the attention part (<see cref="AttentionModel"/>).</para>
/// </summary>
public sealed class AttentionMixModel
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "CNLPAM\0\0"u8;
    public const int HeaderBytes = 28;

    /// <param name="stacked">Stacked instead of mixed: the attention logits are three more dense inputs of the logistic
    /// part (after the featurizer's), whose weights were fitted on cross-fitted attention logits; <paramref name="mixWeight"/> is then unused (0).</param>
    public AttentionMixModel(LogisticModel linear, AttentionModel attention, float mixWeight, float temperature, bool stacked = false)
    {
        if (stacked && linear.Dense < AttentionModel.Classes)
            throw new ArgumentException($"A stacked model's logistic part needs the {AttentionModel.Classes} attention inputs after the dense features.", nameof(linear));
        if (!float.IsFinite(mixWeight) || mixWeight < 0) throw new ArgumentOutOfRangeException(nameof(mixWeight), mixWeight, "The mix weight must be finite and >= 0.");
        if (!(temperature > 0) || float.IsInfinity(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Temperature must be positive and finite.");
        Linear = linear; Attention = attention; MixWeight = mixWeight; Temperature = temperature; Stacked = stacked;
    }

    /// <summary>The attention logits are inputs of the logistic part (true) or added to its logits (false).</summary>
    public bool Stacked { get; }

    public LogisticModel Linear { get; }
    public AttentionModel Attention { get; }
    public float MixWeight { get; }
    public float Temperature { get; }
    /// <summary>The featurizer's dense features (a stacked model's logistic part reads 3 more: the attention logits).</summary>
    public int Dense => Stacked ? Linear.Dense - AttentionModel.Classes : Linear.Dense;
    public int Buckets => Linear.Buckets;

    /// <summary>Class probabilities from the dense and hashed features and the two texts' attention projections.</summary>
    public void Predict(ReadOnlySpan<float> dense, ReadOnlySpan<int> hashed, AttentionProjection premise, AttentionProjection hypothesis, Span<double> probs)
    {
        Span<double> z = stackalloc double[LogisticModel.Labels.Length];
        Span<double> za = stackalloc double[AttentionModel.Classes];
        Attention.Logits(premise, hypothesis, za);
        if (Stacked)
        {
            Span<float> x = Linear.Dense <= 256 ? stackalloc float[Linear.Dense] : new float[Linear.Dense];
            dense.CopyTo(x);
            for (var c = 0; c < za.Length; c++) x[dense.Length + c] = (float)za[c];
            Linear.Logits(x, hashed, z);
            LogisticModel.TemperedSoftmax(z, Temperature, probs);
            return;
        }
        Linear.Logits(dense, hashed, z);
        Mix(z, za, MixWeight, Temperature, probs);
    }

    /// <summary>softmax((z + w za) / t) into <paramref name="probs"/>; <paramref name="z"/> is overwritten.</summary>
    internal static void Mix(Span<double> z, ReadOnlySpan<double> za, double w, double t, Span<double> probs)
    {
        for (var c = 0; c < z.Length; c++) z[c] += w * za[c];
        LogisticModel.TemperedSoftmax(z, t, probs);
    }

    public byte[] ToBytes()
    {
        var linear = Linear.ToBytes();
        var attention = Attention.ToBytes();
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write((uint)FormatVersion);
            w.Write(MixWeight);
            w.Write(Temperature);
            w.Write(Stacked ? 1u : 0u);
            w.Write((uint)linear.Length);
            w.Write(linear);
            w.Write(attention);
        }
        return ms.ToArray();
    }

    /// <summary>Parses weights.bin; any mismatch throws <see cref="ModelFormatException"/> naming <paramref name="origin"/>.</summary>
    public static AttentionMixModel FromBytes(ReadOnlySpan<byte> b, string origin)
    {
        if (b.Length < HeaderBytes || !b[..8].SequenceEqual(Magic))
            throw new ModelFormatException($"{origin}: not an attention-mix scorer weights file (expected magic 'CNLPAM' at offset 0).");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion)
            throw new ModelFormatException($"{origin}: weights format version {version}, expected {FormatVersion}.");
        var w = BinaryPrimitives.ReadSingleLittleEndian(b[12..]);
        var t = BinaryPrimitives.ReadSingleLittleEndian(b[16..]);
        var mode = BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        if (mode > 1) throw new ModelFormatException($"{origin}: mode {mode}, expected 0 (mix) or 1 (stacked).");
        var len = BinaryPrimitives.ReadUInt32LittleEndian(b[24..]);
        if (len > b.Length - HeaderBytes)
            throw new ModelFormatException($"{origin}: logistic part of {len} bytes, but only {b.Length - HeaderBytes} bytes follow the header.");
        if (!float.IsFinite(w) || w < 0) throw new ModelFormatException($"{origin}: mix weight {w}, expected a finite number >= 0.");
        if (!(t > 0) || float.IsInfinity(t)) throw new ModelFormatException($"{origin}: temperature {t}, expected a positive finite number.");
        var linear = LogisticModel.FromBytes(b.Slice(HeaderBytes, (int)len), origin + " (logistic part)");
        var attention = AttentionModel.FromBytes(b[(HeaderBytes + (int)len)..], origin + " (attention part)");
        if (mode == 1 && linear.Dense < AttentionModel.Classes)
            throw new ModelFormatException($"{origin}: stacked model whose logistic part has {linear.Dense} dense inputs, fewer than the {AttentionModel.Classes} attention logits.");
        return new AttentionMixModel(linear, attention, w, t, mode == 1);
    }
}
