using ContradictionNlp.Scoring;

namespace ContradictionNlp.Training;

/// <summary>Options of <see cref="WideDeepTrainer"/>. Defaults are the ones chosen on the validation part of the training data.</summary>
public sealed record WideDeepOptions
{
    public int Seed { get; init; } = 42;
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 32;
    /// <summary>Hidden ReLU units over the dense features.</summary>
    public int Hidden { get; init; } = 64;
    /// <summary>Adagrad base step of the linear (wide) part.</summary>
    public double LearningRate { get; init; } = 0.1;
    /// <summary>Adagrad base step of the hidden layer and its output weights.</summary>
    public double DeepLearningRate { get; init; } = 0.1;
    public double L2Dense { get; init; } = 1e-4;
    public double L2Hashed { get; init; } = 1e-3;
    public double L2Deep { get; init; } = 1e-4;

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (Hidden < 1) throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, "Hidden must be at least 1.");
        if (!(LearningRate > 0) || !(DeepLearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), "Learning rates must be positive.");
        if (L2Dense < 0 || L2Hashed < 0 || L2Deep < 0) throw new ArgumentOutOfRangeException(nameof(L2Dense), "L2 penalties must be >= 0.");
    }
}

/// <summary>
/// Fits <see cref="WideDeepModel"/> jointly (linear + hidden layer) by mini-batch Adagrad on the softmax
/// cross-entropy. Single-threaded, seeded initialisation and shuffle, fixed summation order: the same
/// seed and data give the same weights byte for byte.
/// </summary>
public static class WideDeepTrainer
{
    public static WideDeepModel Fit(IReadOnlyList<FeaturizedExample> examples, int dense, int buckets, WideDeepOptions o)
    {
        o.Validate();
        if (examples.Count == 0) throw new ArgumentException("No training examples.", nameof(examples));
        const int classes = 3;
        var (mean, std) = Standardise(examples, dense);
        var hidden = o.Hidden;
        var stride = 1 + dense + buckets;
        var rng = new Random(o.Seed);
        // Parameters in one array: linear | W1 | b1 | W2, so one Adagrad loop serves all.
        var linN = classes * stride; var w1At = linN; var b1At = w1At + hidden * dense; var w2At = b1At + hidden; var n = w2At + classes * hidden;
        var w = new double[n];
        // Glorot-uniform start for the hidden layer; a small positive bias keeps ReLUs alive at the start.
        var a1 = Math.Sqrt(6.0 / (dense + hidden));
        for (var i = 0; i < hidden * dense; i++) w[w1At + i] = (rng.NextDouble() * 2 - 1) * a1;
        for (var k = 0; k < hidden; k++) w[b1At + k] = 0.01;
        var a2 = Math.Sqrt(6.0 / (hidden + classes));
        for (var i = 0; i < classes * hidden; i++) w[w2At + i] = (rng.NextDouble() * 2 - 1) * a2 * 0.1;
        var g2 = new double[n];
        var grad = new double[n];
        var touched = new HashSet<int>();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var x = new double[dense];
        var act = new double[hidden];
        var dh = new double[hidden];
        var z = new double[classes];
        var p = new double[classes];
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (var b0 = 0; b0 < order.Length; b0 += o.BatchSize)
            {
                var b1 = Math.Min(order.Length, b0 + o.BatchSize);
                touched.Clear();
                for (var bi = b0; bi < b1; bi++)
                {
                    var e = examples[order[bi]];
                    for (var j = 0; j < dense; j++) x[j] = (e.Dense[j] - mean[j]) / std[j];
                    for (var c = 0; c < classes; c++)
                    {
                        var off = c * stride;
                        var s = w[off];
                        for (var j = 0; j < dense; j++) s += w[off + 1 + j] * x[j];
                        foreach (var h in e.Hashed) s += w[off + 1 + dense + h];
                        z[c] = s;
                    }
                    for (var k = 0; k < hidden; k++)
                    {
                        var s = w[b1At + k];
                        var r = w1At + k * dense;
                        for (var j = 0; j < dense; j++) s += w[r + j] * x[j];
                        act[k] = s > 0 ? s : 0;
                        for (var c = 0; c < classes; c++) z[c] += w[w2At + c * hidden + k] * act[k];
                    }
                    LogisticModel.Softmax(z, p);
                    Array.Clear(dh);
                    for (var c = 0; c < classes; c++)
                    {
                        var d = (p[c] - (c == e.Label ? 1 : 0)) * e.Weight;
                        var off = c * stride;
                        grad[off] += d;
                        for (var j = 0; j < dense; j++) grad[off + 1 + j] += d * x[j];
                        foreach (var h in e.Hashed) { grad[off + 1 + dense + h] += d; touched.Add(off + 1 + dense + h); }
                        for (var k = 0; k < hidden; k++)
                        {
                            grad[w2At + c * hidden + k] += d * act[k];
                            dh[k] += d * w[w2At + c * hidden + k];
                        }
                    }
                    for (var k = 0; k < hidden; k++)
                    {
                        if (act[k] <= 0) continue;
                        grad[b1At + k] += dh[k];
                        var r = w1At + k * dense;
                        for (var j = 0; j < dense; j++) grad[r + j] += dh[k] * x[j];
                    }
                }
                var m = b1 - b0;
                for (var c = 0; c < classes; c++)
                    for (var j = 0; j <= dense; j++)
                        Step(c * stride + j, j == 0 ? 0 : o.L2Dense, o.LearningRate);
                foreach (var i in touched.Order()) Step(i, o.L2Hashed, o.LearningRate);
                for (var i = w1At; i < n; i++) Step(i, i >= b1At && i < w2At ? 0 : o.L2Deep, o.DeepLearningRate);

                void Step(int i, double l2, double lr)
                {
                    var gi = grad[i] / m + l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= lr * gi / (Math.Sqrt(g2[i]) + 1e-8);
                    grad[i] = 0;
                }
            }
        }
        float[] F(int from, int count) { var r = new float[count]; for (var i = 0; i < count; i++) r[i] = (float)w[from + i]; return r; }
        return new WideDeepModel(dense, buckets, hidden, 1f, mean, std, F(0, linN), F(w1At, hidden * dense), F(b1At, hidden), F(w2At, classes * hidden));
    }

    internal static (float[] Mean, float[] Std) Standardise(IReadOnlyList<FeaturizedExample> examples, int dense)
    {
        var mean = new float[dense];
        var std = new float[dense];
        for (var j = 0; j < dense; j++)
        {
            double s = 0, s2 = 0;
            foreach (var e in examples) { s += e.Dense[j]; s2 += (double)e.Dense[j] * e.Dense[j]; }
            var mu = s / examples.Count;
            var v = s2 / examples.Count - mu * mu;
            mean[j] = (float)mu;
            std[j] = v > 1e-12 ? (float)Math.Sqrt(v) : 1f;
        }
        return (mean, std);
    }

    /// <summary>
    /// Temperature scaling: the T in [0.25, 4] (grid step 0.01) minimising the mean negative log-likelihood of
    /// softmax(logits / T) on <paramref name="validation"/>. A grid rather than an optimiser so the result is exact and reproducible.
    /// </summary>
    public static float FitTemperature(WideDeepModel model, IReadOnlyList<FeaturizedExample> validation)
    {
        if (validation.Count == 0) return 1f;
        var logits = new double[validation.Count][];
        for (var i = 0; i < validation.Count; i++)
        {
            logits[i] = new double[3];
            model.Logits(validation[i].Dense, validation[i].Hashed, logits[i]);
        }
        var best = 1.0; var bestNll = double.PositiveInfinity;
        Span<double> z = stackalloc double[3];
        Span<double> p = stackalloc double[3];
        for (var step = 25; step <= 400; step++)
        {
            var t = step / 100.0;
            double nll = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                for (var c = 0; c < 3; c++) z[c] = logits[i][c] / t;
                LogisticModel.Softmax(z, p);
                nll -= Math.Log(Math.Max(p[validation[i].Label], 1e-12));
            }
            if (nll < bestNll) { bestNll = nll; best = t; }
        }
        return (float)best;
    }
}
