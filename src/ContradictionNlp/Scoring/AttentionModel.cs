using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Text;
using ContradictionNlp.Embedding;

namespace ContradictionNlp.Scoring;

/// <summary>
/// A decomposable attention model (after Parikh et al. 2016, "A Decomposable Attention Model for Natural Language
/// Inference") over frozen word vectors: the word-by-word alignment our logistic features only approximate with
/// best-cosine shares. Three steps, all small:
/// <list type="number">
/// <item>attend: F (one ReLU layer, D -&gt; H) on every word vector; e_ij = F(a_i)·F(b_j); each premise word a_i gets
/// the soft-aligned hypothesis words beta_i = sum_j softmax_j(e_ij) b_j, each hypothesis word b_j gets alpha_j likewise;</item>
/// <item>compare: G (one ReLU layer, 2D -&gt; H) on [a_i; beta_i] and on [b_j; alpha_j];</item>
/// <item>aggregate: V1 = sum_i G(..), V2 = sum_j G(..); H (one ReLU layer 2H -&gt; H, then linear H -&gt; 3) on [V1; V2]
/// gives the 3 logits (<see cref="LogisticModel.Labels"/> order).</item>
/// </list>
/// G's first layer is linear in beta_i, so W_G [a_i; beta_i] = W_own a_i + sum_j p_ij (W_other b_j): everything that
/// multiplies a word vector by a matrix depends on one text only and is computed once per text
/// (<see cref="Project"/>, cached on a <see cref="PreparedText"/>); a pair then costs O(m n H), not O(m n D + (m+n) D H).
/// Word vectors are the bundled GloVe vectors (de-quantised) scaled to unit length; words outside the vocabulary are
/// skipped and at most <see cref="MaxWords"/> words per text are read. Immutable and thread-safe.
/// <para>weights.bin part (little-endian): "CNLPDA\0\0" | uint32 version | uint32 D | uint32 H | uint32 flags (1 = mean
/// aggregation, 0 = sum) | then the parameters
/// as float32 in <see cref="Layout"/> order: W_F (H x D), b_F (H), W_own (H x D), W_other (H x D), b_G (H),
/// W_1 (H x 2H), b_1 (H), W_2 (3 x H), b_2 (3).</para>
/// </summary>
public sealed class AttentionModel
{
    public const int FormatVersion = 1;
    /// <summary>Words read per text: bounds the O(m n) attention on long (XNLI, news) texts.</summary>
    public const int MaxWords = 64;
    public const int Classes = 3;
    private static ReadOnlySpan<byte> Magic => "CNLPDA\0\0"u8;

    private readonly float[] _p;

    /// <param name="parameters">All parameters in <see cref="Layout"/> order (kept, not copied: the caller gives it up).</param>
    /// <param name="meanAggregate">Aggregate by the mean over each text's words instead of the sum (Parikh et al.): the
    /// sum grows with length, so a long premise (XNLI, news) reaches H at a scale short captions never showed it.</param>
    public AttentionModel(int dimension, int hidden, float[] parameters, bool meanAggregate = false)
    {
        if (dimension < 1 || hidden < 1) throw new ArgumentOutOfRangeException(nameof(hidden), "Dimension and hidden size must be at least 1.");
        var layout = new Layout(dimension, hidden);
        if (parameters.Length != layout.Count)
            throw new ArgumentException($"{parameters.Length} parameters, expected {layout.Count} for dimension {dimension} and {hidden} hidden units.", nameof(parameters));
        Dimension = dimension; Hidden = hidden; L = layout; _p = parameters; MeanAggregate = meanAggregate;
    }

    /// <summary>V1, V2 are means over the words (true) or sums (false, the paper's choice).</summary>
    public bool MeanAggregate { get; }

    public int Dimension { get; }
    public int Hidden { get; }
    internal Layout L { get; }
    /// <summary>The parameters (shared, read-only by convention: the trainer's copy is its own).</summary>
    internal ReadOnlySpan<float> Parameters => _p;

    /// <summary>Where each parameter block sits in the flat parameter array.</summary>
    internal readonly struct Layout
    {
        public Layout(int d, int h)
        {
            D = d; H = h;
            WF = 0; BF = WF + h * d; WOwn = BF + h; WOther = WOwn + h * d; BG = WOther + h * d;
            W1 = BG + h; B1 = W1 + h * 2 * h; W2 = B1 + h; B2 = W2 + Classes * h; Count = B2 + Classes;
        }
        public int D { get; }
        public int H { get; }
        public int WF { get; }
        public int BF { get; }
        public int WOwn { get; }
        public int WOther { get; }
        public int BG { get; }
        public int W1 { get; }
        public int B1 { get; }
        public int W2 { get; }
        public int B2 { get; }
        public int Count { get; }
    }

    /// <summary>The unit-length vectors of a text's in-vocabulary words (first <see cref="MaxWords"/>), row by row.</summary>
    public static float[] WordMatrix(WordVectors vectors, ReadOnlySpan<int> vectorIndices)
    {
        var n = 0;
        foreach (var v in vectorIndices) if (v >= 0 && n < MaxWords) n++;
        var d = vectors.Dimension;
        var x = new float[n * d];
        var row = 0;
        foreach (var v in vectorIndices)
        {
            if (v < 0) continue;
            if (row == n) break;
            var span = x.AsSpan(row * d, d);
            vectors.CopyVector(v, span);
            var norm = MathF.Sqrt(TensorPrimitives.Dot<float>(span, span));
            if (norm > 0) TensorPrimitives.Divide(span, norm, span);
            row++;
        }
        return x;
    }

    /// <summary>
    /// What a text contributes to any pair, computed once: per word F(x) (after the ReLU), W_own x + b_G and W_other x
    /// (each N x H, row per word).
    /// </summary>
    public AttentionProjection Project(ReadOnlySpan<float> words)
    {
        var d = Dimension; var h = Hidden;
        if (words.Length % d != 0) throw new ArgumentException($"{words.Length} values is not a whole number of {d}-dimensional word vectors.", nameof(words));
        var n = words.Length / d;
        var f = new float[n * h]; var own = new float[n * h]; var other = new float[n * h];
        ProjectInto(_p, L, words, f, own, other);
        return new AttentionProjection(this, n, f, own, other);
    }

    /// <summary>
    /// The projection of <see cref="Project"/> into caller-owned rows: one code path for scoring and for the trainer's
    /// forward pass (<c>AttentionTrainer.Accumulate</c>), so the two cannot drift apart.
    /// </summary>
    internal static void ProjectInto(ReadOnlySpan<float> p, Layout l, ReadOnlySpan<float> words, Span<float> f, Span<float> own, Span<float> other)
    {
        int d = l.D, h = l.H, n = words.Length / d;
        for (var i = 0; i < n; i++)
        {
            var x = words.Slice(i * d, d);
            for (var k = 0; k < h; k++)
            {
                var a = TensorPrimitives.Dot<float>(p.Slice(l.WF + k * d, d), x) + p[l.BF + k];
                f[i * h + k] = a > 0 ? a : 0;
                own[i * h + k] = TensorPrimitives.Dot<float>(p.Slice(l.WOwn + k * d, d), x) + p[l.BG + k];
                other[i * h + k] = TensorPrimitives.Dot<float>(p.Slice(l.WOther + k * d, d), x);
            }
        }
    }

    /// <summary>
    /// The 3 logits for premise <paramref name="a"/> and hypothesis <paramref name="b"/> (projections of this model).
    /// A side with no word gives all-zero logits: there is nothing to align, so the model has no opinion.
    /// </summary>
    public void Logits(AttentionProjection a, AttentionProjection b, Span<double> z)
    {
        if (!ReferenceEquals(a.Model, this) || !ReferenceEquals(b.Model, this))
            throw new ArgumentException("Projections of another attention model.");
        z[..Classes].Clear();
        if (a.Count == 0 || b.Count == 0) return;
        var h = Hidden;
        var m = a.Count; var n = b.Count;
        var e = new float[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                e[i * n + j] = TensorPrimitives.Dot<float>(a.F.AsSpan(i * h, h), b.F.AsSpan(j * h, h));
        Span<float> v = stackalloc float[2 * h];
        v.Clear();
        var pre = new float[h];
        var weights = new float[Math.Max(m, n)];
        // Premise side: a_i compared with its soft alignment in b.
        for (var i = 0; i < m; i++)
        {
            var w = weights.AsSpan(0, n);
            e.AsSpan(i * n, n).CopyTo(w);
            SoftmaxInPlace(w);
            a.Own.AsSpan(i * h, h).CopyTo(pre);
            for (var j = 0; j < n; j++) TensorPrimitives.MultiplyAdd(b.Other.AsSpan(j * h, h), w[j], pre, pre);
            AddRelu(pre, v[..h]);
        }
        // Hypothesis side: b_j compared with its soft alignment in a (softmax over i, column j).
        for (var j = 0; j < n; j++)
        {
            var w = weights.AsSpan(0, m);
            for (var i = 0; i < m; i++) w[i] = e[i * n + j];
            SoftmaxInPlace(w);
            b.Own.AsSpan(j * h, h).CopyTo(pre);
            for (var i = 0; i < m; i++) TensorPrimitives.MultiplyAdd(a.Other.AsSpan(i * h, h), w[i], pre, pre);
            AddRelu(pre, v[h..]);
        }
        if (MeanAggregate)
        {
            TensorPrimitives.Divide(v[..h], m, v[..h]);
            TensorPrimitives.Divide(v[h..], n, v[h..]);
        }
        var p = _p.AsSpan();
        Span<float> hid = stackalloc float[h];
        for (var k = 0; k < h; k++)
        {
            var u = TensorPrimitives.Dot<float>(p.Slice(L.W1 + k * 2 * h, 2 * h), v) + p[L.B1 + k];
            hid[k] = u > 0 ? u : 0;
        }
        for (var c = 0; c < Classes; c++) z[c] = TensorPrimitives.Dot<float>(p.Slice(L.W2 + c * h, h), hid) + p[L.B2 + c];
    }

    /// <summary>Softmax in place, max-subtracted, in float (what training differentiates).</summary>
    internal static void SoftmaxInPlace(Span<float> w)
    {
        var max = TensorPrimitives.Max<float>(w);
        float sum = 0;
        for (var k = 0; k < w.Length; k++) { w[k] = MathF.Exp(w[k] - max); sum += w[k]; }
        for (var k = 0; k < w.Length; k++) w[k] /= sum;
    }

    private static void AddRelu(ReadOnlySpan<float> pre, Span<float> acc)
    {
        for (var k = 0; k < pre.Length; k++) if (pre[k] > 0) acc[k] += pre[k];
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write((uint)FormatVersion);
            w.Write((uint)Dimension);
            w.Write((uint)Hidden);
            w.Write(MeanAggregate ? 1u : 0u);
            foreach (var v in _p) w.Write(v);
        }
        return ms.ToArray();
    }

    public const int HeaderBytes = 24;

    /// <summary>Parses the attention part of a weights file; a mismatch throws <see cref="ModelFormatException"/> naming <paramref name="origin"/>.</summary>
    public static AttentionModel FromBytes(ReadOnlySpan<byte> b, string origin)
    {
        if (b.Length < HeaderBytes || !b[..8].SequenceEqual(Magic))
            throw new ModelFormatException($"{origin}: not a decomposable attention weights part (expected magic 'CNLPDA').");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != FormatVersion)
            throw new ModelFormatException($"{origin}: attention weights format version {version}, expected {FormatVersion}.");
        var d = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[12..]);
        var h = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[16..]);
        if (d < 1 || h < 1 || d > 4096 || h > 4096)
            throw new ModelFormatException($"{origin}: attention dimension {d} and hidden size {h}, expected 1 to 4096 each.");
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(b[20..]);
        if (flags > 1) throw new ModelFormatException($"{origin}: attention flags {flags}, expected 0 (sum) or 1 (mean aggregation).");
        var count = new Layout(d, h).Count;
        if (b.Length != HeaderBytes + 4L * count)
            throw new ModelFormatException($"{origin}: attention part of {b.Length} bytes, expected {HeaderBytes + 4L * count} for dimension {d} and {h} hidden units.");
        var p = new float[count];
        for (var i = 0; i < count; i++) p[i] = BinaryPrimitives.ReadSingleLittleEndian(b[(HeaderBytes + 4 * i)..]);
        return new AttentionModel(d, h, p, flags == 1);
    }
}

/// <summary>
/// One text's per-word projections under one <see cref="AttentionModel"/> (<see cref="AttentionModel.Project"/>): F(x),
/// W_own x + b_G and W_other x, row per word. Immutable.
/// </summary>
public sealed class AttentionProjection(AttentionModel model, int count, float[] f, float[] own, float[] other)
{
    public AttentionModel Model { get; } = model;
    /// <summary>Words projected.</summary>
    public int Count { get; } = count;
    internal float[] F { get; } = f;
    internal float[] Own { get; } = own;
    internal float[] Other { get; } = other;
}
