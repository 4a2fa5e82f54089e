using System.Buffers.Binary;

namespace ContradictionNlp.Tagging;

/// <summary>
/// Weights of a multiclass linear model over hashed features: row = hashed feature, column = class.
/// Dense at run time (a row read is one or two cache lines); stored sparse and in half precision.
/// Immutable after construction; thread-safe.
/// </summary>
public sealed class PerceptronWeights
{
    internal readonly float[] W;

    internal PerceptronWeights(int classes, int bits, float[] w)
    {
        if (bits is < 8 or > 26) throw new ArgumentOutOfRangeException(nameof(bits), bits, "hash bits must be 8..26");
        Classes = classes;
        Bits = bits;
        W = w;
    }

    public int Classes { get; }
    public int Bits { get; }
    internal int Mask => (1 << Bits) - 1;

    /// <summary>Adds the rows of the active features into <paramref name="scores"/> (length Classes, cleared first).</summary>
    internal void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        scores.Clear();
        var k = Classes;
        var w = W.AsSpan();
        foreach (var f in features)
        {
            var row = w.Slice(f * k, k);
            for (var c = 0; c < k; c++) scores[c] += row[c];
        }
    }

    /// <summary>Highest-scoring class; ties go to the lowest class index (deterministic).</summary>
    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>
    /// Writes rows with at least one weight that is non-zero in half precision:
    /// int32 rowCount, then per row int32 row, byte n, n x (byte class, half weight). Row order ascending, so the bytes are
    /// deterministic. One writer and one reader for both forms: <see cref="CompactWeights"/>.
    /// </summary>
    internal void Write(BinaryWriter w) => CompactWeights.FromDense(this).Write(w);

    internal static PerceptronWeights Read(BinaryReader r, int classes, int bits, string origin) =>
        CompactWeights.Read(r, classes, bits, origin).ToDense();
}

/// <summary>
/// Averaged perceptron training (Collins 2002; lazy averaging as in Honnibal's tagger write-up):
/// each weight keeps a running total and the step it last changed, so averaging costs O(updates).
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly float[] _w;
    private readonly double[] _totals;
    private readonly int[] _stamps;
    private int _step;

    public PerceptronTrainer(int classes, int bits)
    {
        Classes = classes;
        Bits = bits;
        _w = new float[(1 << bits) * classes];
        _totals = new double[_w.Length];
        _stamps = new int[_w.Length];
    }

    public int Classes { get; }
    public int Bits { get; }
    public int Mask => (1 << Bits) - 1;

    public int Predict(ReadOnlySpan<int> features, Span<float> scores, ReadOnlySpan<bool> allowed = default)
    {
        scores.Clear();
        var k = Classes;
        foreach (var f in features)
            for (var c = 0; c < k; c++) scores[c] += _w[f * k + c];
        if (allowed.IsEmpty) return PerceptronWeights.ArgMax(scores);
        var best = -1;
        for (var c = 0; c < k; c++) if (allowed[c] && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    /// <summary>Counts one training instance (call once per token, whether or not it updates).</summary>
    public void Tick() => _step++;

    public void Update(int truth, int guess, ReadOnlySpan<int> features)
    {
        if (truth == guess) return;
        foreach (var f in features)
        {
            Bump(f * Classes + truth, 1f);
            Bump(f * Classes + guess, -1f);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weights of class <paramref name="cls"/> for every feature (structured updates).</summary>
    public void Adjust(int cls, ReadOnlySpan<int> features, float delta)
    {
        foreach (var f in features) Bump(f * Classes + cls, delta);
    }

    /// <summary>The current (not averaged) weights, for decoding during training.</summary>
    internal float[] Raw => _w;

    private void Bump(int i, float delta)
    {
        _totals[i] += (_step - _stamps[i]) * (double)_w[i];
        _stamps[i] = _step;
        _w[i] += delta;
    }

    /// <summary>
    /// The averaged weights, rounded to half precision and with |w| below <paramref name="prune"/> set to zero,
    /// so the model in memory after training is exactly the one that is saved and loaded.
    /// </summary>
    public PerceptronWeights Average(double prune)
    {
        var avg = new float[_w.Length];
        var n = Math.Max(1, _step);
        for (var i = 0; i < _w.Length; i++)
        {
            var total = _totals[i] + (_step - _stamps[i]) * (double)_w[i];
            var v = total / n;
            avg[i] = Math.Abs(v) < prune ? 0f : (float)(Half)v;
        }
        return new PerceptronWeights(Classes, Bits, avg);
    }
}
