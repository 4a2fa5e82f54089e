using System.Buffers.Binary;
using System.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// Logistic model plus boosted trees ("boosted" model type, scorer v4): the <see cref="LogisticModel"/>'s
/// logits (dense features + hashed words) are the starting margin, and small regression trees over the
/// raw dense features and those three logits add to it, one tree per class per round (multiclass gradient
/// boosting). Trees let cues combine where a linear model only adds them ("negation AND the negated words
/// are covered by the other text" vs "negation about something else", "same words AND reversed order AND
/// same voice"). Logits are divided by a temperature fitted on a validation part of the training data.
/// Immutable and thread-safe.
/// <para>Every tree is complete with depth <see cref="Depth"/>: internal node i (0-based, breadth first) sends
/// x to child 2i+1 when x[feature] &lt;= threshold, else 2i+2; an unused split has threshold +infinity.
/// Tree inputs: the D dense features, then the linear logits of the 3 classes (indices D, D+1, D+2).</para>
/// <para>weights.bin layout (little-endian):</para>
/// <code>
/// 8 bytes "CNLPGB\0\0" | uint32 version | uint32 classes C | uint32 depth | uint32 trees T | float32 temperature
/// uint32 L | L bytes: the linear part, a complete LogisticModel weights file
/// T times: uint8 class | (2^depth - 1) × (uint16 feature, float32 threshold) | 2^depth float32 leaf values
/// </code>
/// </summary>
public sealed class BoostedModel
{
    public const int FormatVersion = 1;
    public const int HeaderBytes = 32;
    private static ReadOnlySpan<byte> Magic => "CNLPGB\0\0"u8;

    private readonly byte[] _treeClass;
    private readonly ushort[] _feature;   // T × internal
    private readonly float[] _threshold;  // T × internal
    private readonly float[] _leaf;       // T × leaves

    public BoostedModel(LogisticModel linear, int depth, float temperature, byte[] treeClass, ushort[] feature, float[] threshold, float[] leaf)
    {
        ArgumentNullException.ThrowIfNull(linear);
        if (depth is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(depth), depth, "Tree depth must be 1..8.");
        if (!(temperature > 0) || float.IsInfinity(temperature)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Temperature must be positive and finite.");
        var internalNodes = (1 << depth) - 1;
        var trees = treeClass.Length;
        if (feature.Length != trees * internalNodes || threshold.Length != trees * internalNodes || leaf.Length != trees * (1 << depth))
            throw new ArgumentException($"Array sizes do not match {trees} trees of depth {depth}.");
        var inputs = linear.Dense + LogisticModel.Labels.Length;
        if (treeClass.Any(c => c >= LogisticModel.Labels.Length)) throw new ArgumentException("A tree's class is out of range.", nameof(treeClass));
        if (feature.Any(f => f >= inputs)) throw new ArgumentException($"A split feature is out of range (trees read {inputs} inputs).", nameof(feature));
        Linear = linear; Depth = depth; Temperature = temperature;
        _treeClass = treeClass; _feature = feature; _threshold = threshold; _leaf = leaf;
    }

    public LogisticModel Linear { get; }
    public int Depth { get; }
    public int Trees => _treeClass.Length;
    public float Temperature { get; }
    public int Dense => Linear.Dense;
    public int Buckets => Linear.Buckets;

    /// <summary>A copy with another temperature (same linear part and trees).</summary>
    public BoostedModel WithTemperature(float t) => new(Linear, Depth, t, _treeClass, _feature, _threshold, _leaf);

    /// <summary>Unscaled logits (before the temperature), in <see cref="LogisticModel.Labels"/> order.</summary>
    public void Logits(ReadOnlySpan<float> dense, ReadOnlySpan<int> hashed, Span<double> z)
    {
        Linear.Logits(dense, hashed, z);
        Span<float> lin = stackalloc float[LogisticModel.Labels.Length];
        for (var c = 0; c < lin.Length; c++) lin[c] = (float)z[c];
        AddTrees(dense, lin, z);
    }

    /// <summary>Adds every tree's leaf value to its class's logit; <paramref name="linear"/> are the linear logits the trees may split on.</summary>
    internal void AddTrees(ReadOnlySpan<float> dense, ReadOnlySpan<float> linear, Span<double> z)
    {
        var internalNodes = (1 << Depth) - 1;
        var d = Dense;
        for (var t = 0; t < _treeClass.Length; t++)
        {
            var baseNode = t * internalNodes;
            var node = 0;
            for (var level = 0; level < Depth; level++)
            {
                var f = _feature[baseNode + node];
                var x = f < d ? dense[f] : linear[f - d];
                node = x <= _threshold[baseNode + node] ? 2 * node + 1 : 2 * node + 2;
            }
            z[_treeClass[t]] += _leaf[(t << Depth) + node - internalNodes];
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
        var linear = Linear.ToBytes();
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write((uint)FormatVersion);
            w.Write((uint)LogisticModel.Labels.Length);
            w.Write((uint)Depth);
            w.Write((uint)Trees);
            w.Write(Temperature);
            w.Write((uint)linear.Length);
            w.Write(linear);
            var internalNodes = (1 << Depth) - 1;
            for (var t = 0; t < Trees; t++)
            {
                w.Write(_treeClass[t]);
                for (var i = 0; i < internalNodes; i++) { w.Write(_feature[t * internalNodes + i]); w.Write(_threshold[t * internalNodes + i]); }
                for (var i = 0; i < 1 << Depth; i++) w.Write(_leaf[(t << Depth) + i]);
            }
        }
        return ms.ToArray();
    }

    /// <summary>Parses weights.bin; any mismatch throws <see cref="ModelFormatException"/> naming <paramref name="origin"/> and what was expected.</summary>
    public static BoostedModel FromBytes(ReadOnlySpan<byte> b, string origin)
    {
        if (b.Length < HeaderBytes || !b[..8].SequenceEqual(Magic))
            throw new ModelFormatException($"{origin}: not a boosted scorer weights file (expected magic 'CNLPGB' at offset 0).");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion)
            throw new ModelFormatException($"{origin}: weights format version {version}, expected {FormatVersion}.");
        var classes = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        var depth = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
        var trees = BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        var t = BinaryPrimitives.ReadSingleLittleEndian(b[24..]);
        var linearBytes = BinaryPrimitives.ReadUInt32LittleEndian(b[28..]);
        if (classes != LogisticModel.Labels.Length)
            throw new ModelFormatException($"{origin}: {classes} classes, expected {LogisticModel.Labels.Length}.");
        if (depth is < 1 or > 8)
            throw new ModelFormatException($"{origin}: tree depth {depth}, expected 1 to 8.");
        if (!(t > 0) || float.IsInfinity(t))
            throw new ModelFormatException($"{origin}: temperature {t}, expected a positive finite number.");
        var internalNodes = (1 << depth) - 1;
        var perTree = 1L + 6L * internalNodes + 4L * (1 << depth);
        var expected = HeaderBytes + (long)linearBytes + trees * perTree;
        if (b.Length != expected)
            throw new ModelFormatException($"{origin}: {b.Length} bytes, expected {expected} for a {linearBytes}-byte linear part and {trees} trees of depth {depth}.");
        var linear = LogisticModel.FromBytes(b.Slice(HeaderBytes, (int)linearBytes), origin + " (linear part)");
        var pos = HeaderBytes + (int)linearBytes;
        var treeClass = new byte[trees];
        var feature = new ushort[trees * internalNodes];
        var threshold = new float[trees * internalNodes];
        var leaf = new float[trees << depth];
        for (var i = 0; i < trees; i++)
        {
            treeClass[i] = b[pos++];
            for (var j = 0; j < internalNodes; j++)
            {
                feature[i * internalNodes + j] = BinaryPrimitives.ReadUInt16LittleEndian(b[pos..]); pos += 2;
                threshold[i * internalNodes + j] = BinaryPrimitives.ReadSingleLittleEndian(b[pos..]); pos += 4;
            }
            for (var j = 0; j < 1 << depth; j++) { leaf[(i << depth) + j] = BinaryPrimitives.ReadSingleLittleEndian(b[pos..]); pos += 4; }
        }
        try { return new BoostedModel(linear, depth, t, treeClass, feature, threshold, leaf); }
        catch (ArgumentException ex) { throw new ModelFormatException($"{origin}: {ex.Message}"); }
    }
}
