using ContradictionNlp.Scoring;

namespace ContradictionNlp.Training;

/// <summary>Training options. Defaults are the ones the shipped model was trained with.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Seeds the example shuffle: same seed and data give the same weights, byte for byte.</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 5;
    public int BatchSize { get; init; } = 32;
    /// <summary>Adagrad base step.</summary>
    public double LearningRate { get; init; } = 0.1;
    /// <summary>L2 penalty on dense weights.</summary>
    public double L2Dense { get; init; } = 1e-4;
    /// <summary>L2 penalty on hashed (lexical) weights, stronger: they are many and each is seen rarely.</summary>
    public double L2Hashed { get; init; } = 1e-3;
    /// <summary>
    /// Loss weight of each synthetic row (<c>--synthetic</c>) relative to a human-labelled NLI row. 1 (v1, v2);
    /// v3 uses 0.5: the 20k generated news pairs otherwise outweigh the 12k human-labelled ones 5:3.
    /// </summary>
    public float SyntheticWeight { get; init; } = 1f;
    /// <summary>
    /// How far to even out each training set's classes: a row of class c in set s counts (n_s / (3 n_sc))^ClassBalance
    /// times its other weights (see <see cref="ScorerTraining.BalanceWeights"/>); 0 = off (v1-v3, absent from their
    /// manifests), 1 = every class of a set weighs the same. SICK is 57 % neutral and the synthetic news rows over half
    /// neutral, so an unbalanced fit leans to neutral on balanced sets (SNLI, XNLI).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public double ClassBalance { get; init; }

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive.");
        if (L2Dense < 0 || L2Hashed < 0) throw new ArgumentOutOfRangeException(nameof(L2Dense), "L2 penalties must be >= 0.");
        if (!(SyntheticWeight > 0)) throw new ArgumentOutOfRangeException(nameof(SyntheticWeight), SyntheticWeight, "SyntheticWeight must be positive.");
        if (!(ClassBalance >= 0 && ClassBalance <= 1)) throw new ArgumentOutOfRangeException(nameof(ClassBalance), ClassBalance, "ClassBalance must be in 0..1.");
    }
}

/// <summary>One featurised example.</summary>
/// <param name="Weight">How much the example counts in the loss (1 = one NLI row). Reviewed pairs count more
/// (see <c>ReviewTrainingOptions.ReviewWeight</c>): there are few of them and they come from the users' own domain.</param>
public sealed record FeaturizedExample(float[] Dense, int[] Hashed, int Label, float Weight = 1f);

/// <summary>
/// Fits <see cref="LogisticModel"/> by mini-batch Adagrad on the softmax cross-entropy. Single-threaded
/// and seeded, so the result is reproducible bit for bit.
/// </summary>
public static class LogisticRegressionTrainer
{
    public static LogisticModel Fit(IReadOnlyList<FeaturizedExample> examples, int dense, int buckets, LogisticRegressionOptions options)
    {
        options.Validate();
        if (examples.Count == 0) throw new ArgumentException("No training examples.", nameof(examples));
        if (examples.FirstOrDefault(e => !(e.Weight >= 0) || float.IsInfinity(e.Weight)) is { } bad)
            throw new ArgumentException($"Example weights must be finite and >= 0, found {bad.Weight}.", nameof(examples));
        var classes = LogisticModel.Labels.Length;
        // Standardise dense features so one step size suits all of them.
        var mean = new float[dense];
        var std = new float[dense];
        for (var j = 0; j < dense; j++)
        {
            double s = 0, s2 = 0;
            foreach (var e in examples) { s += e.Dense[j]; s2 += (double)e.Dense[j] * e.Dense[j]; }
            var m = s / examples.Count;
            var v = s2 / examples.Count - m * m;
            mean[j] = (float)m;
            std[j] = v > 1e-12 ? (float)Math.Sqrt(v) : 1f; // a constant feature stays harmless
        }
        var stride = 1 + dense + buckets;
        var w = new double[classes * stride];
        var g2 = new double[w.Length];
        var grad = new double[w.Length];
        var touched = new HashSet<int>();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var rng = new Random(options.Seed);
        var x = new double[dense];
        Span<double> z = stackalloc double[classes];
        Span<double> p = stackalloc double[classes];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (var b0 = 0; b0 < order.Length; b0 += options.BatchSize)
            {
                var b1 = Math.Min(order.Length, b0 + options.BatchSize);
                touched.Clear();
                for (var bi = b0; bi < b1; bi++)
                {
                    var e = examples[order[bi]];
                    for (var j = 0; j < dense; j++) x[j] = (e.Dense[j] - mean[j]) / std[j];
                    for (var c = 0; c < classes; c++)
                    {
                        var o = c * stride;
                        var s = w[o];
                        for (var j = 0; j < dense; j++) s += w[o + 1 + j] * x[j];
                        foreach (var h in e.Hashed) s += w[o + 1 + dense + h];
                        z[c] = s;
                    }
                    LogisticModel.Softmax(z, p);
                    for (var c = 0; c < classes; c++)
                    {
                        // Weight 1 multiplies exactly, so unweighted data trains bit for bit as before.
                        var d = (p[c] - (c == e.Label ? 1 : 0)) * e.Weight;
                        var o = c * stride;
                        grad[o] += d;
                        for (var j = 0; j < dense; j++) grad[o + 1 + j] += d * x[j];
                        foreach (var h in e.Hashed)
                        {
                            grad[o + 1 + dense + h] += d;
                            touched.Add(o + 1 + dense + h);
                        }
                    }
                }
                var n = b1 - b0;
                for (var c = 0; c < classes; c++)
                    for (var j = 0; j <= dense; j++)
                        Step(c * stride + j, j == 0 ? 0 : options.L2Dense);
                // Only hashed weights seen in this batch move (lazy, sparse update); sorted for a fixed summation order.
                foreach (var i in touched.Order()) Step(i, options.L2Hashed);

                void Step(int i, double l2)
                {
                    var gi = grad[i] / n + l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= options.LearningRate * gi / (Math.Sqrt(g2[i]) + 1e-8);
                    grad[i] = 0;
                }
            }
        }
        return new LogisticModel(dense, buckets, mean, std, [.. w.Select(v => (float)v)]);
    }

    /// <summary>
    /// The temperature (0.25..4 in steps of 0.01) that minimises the negative log-likelihood of
    /// <paramref name="validation"/> under <paramref name="model"/>; 1 when there is no validation row.
    /// </summary>
    public static float FitTemperature(LogisticModel model, IReadOnlyList<FeaturizedExample> validation)
    {
        if (validation.Count == 0) return 1f;
        var logits = new double[validation.Count][];
        for (var i = 0; i < validation.Count; i++)
        {
            logits[i] = new double[LogisticModel.Labels.Length];
            model.Logits(validation[i].Dense, validation[i].Hashed, logits[i]);
        }
        var best = 1.0;
        var bestNll = double.PositiveInfinity;
        Span<double> z = stackalloc double[LogisticModel.Labels.Length];
        Span<double> p = stackalloc double[LogisticModel.Labels.Length];
        for (var step = 25; step <= 400; step++)
        {
            var t = step / 100.0;
            double nll = 0;
            for (var i = 0; i < logits.Length; i++)
            {
                for (var c = 0; c < z.Length; c++) z[c] = logits[i][c] / t;
                LogisticModel.Softmax(z, p);
                nll -= validation[i].Weight * Math.Log(Math.Max(p[validation[i].Label], 1e-12));
            }
            if (nll < bestNll) { bestNll = nll; best = t; }
        }
        return (float)best;
    }
}
