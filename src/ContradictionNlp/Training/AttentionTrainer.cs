using System.Numerics.Tensors;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Training;

/// <summary>Options of the decomposable attention part of an attention-mix scorer (<c>train scorer --model-type attention-mix</c>).</summary>
public sealed record AttentionOptions
{
    /// <summary>Width of F, G and H's hidden layer.</summary>
    public int Hidden { get; init; } = 50;
    /// <summary>Passes over the fit rows.</summary>
    public int Epochs { get; init; } = 6;
    /// <summary>Adam step.</summary>
    public double LearningRate { get; init; } = 0.002;
    public int BatchSize { get; init; } = 32;
    /// <summary>L2 penalty on every weight (not the biases), added to each batch's gradient.</summary>
    public double L2 { get; init; } = 1e-5;
    /// <summary>Train the attention part on the human-labelled rows only (not the synthetic news rows, which the logistic part still reads).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool HumanRowsOnly { get; init; }
    /// <summary>Aggregate by the mean over the words rather than the sum (see <see cref="AttentionModel.MeanAggregate"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool MeanAggregate { get; init; }
    /// <summary>
    /// 0: mix the attention logits into the logistic logits (weight fitted on the validation part). K &gt;= 2: stack them
    /// instead, as 3 more dense inputs of the logistic part; each fit row's inputs come from an attention model trained
    /// on the other K-1 folds (by group key), so the logistic weights never learn from in-sample attention scores.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int StackFolds { get; init; }

    public void Validate()
    {
        if (Hidden < 1 || Hidden > 1024) throw new ArgumentOutOfRangeException(nameof(Hidden), Hidden, "The attention hidden size must be 1..1024.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Attention epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The attention batch size must be at least 1.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The attention learning rate must be positive.");
        if (StackFolds is 1 or < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(StackFolds), StackFolds, "Stack folds must be 0 (mix) or 2..10.");
        if (!(L2 >= 0) || double.IsInfinity(L2)) throw new ArgumentOutOfRangeException(nameof(L2), L2, "The attention L2 must be >= 0.");
    }
}

/// <summary>One pair for the attention model: the two texts' word matrices (<see cref="AttentionModel.WordMatrix"/>), label and loss weight.</summary>
public sealed record AttentionExample(float[] Premise, float[] Hypothesis, int Label, float Weight = 1f);

/// <summary>
/// Trains an <see cref="AttentionModel"/> by mini-batch Adam on the weighted softmax cross-entropy, with the
/// gradient written out by hand (<see cref="Accumulate"/>). Single-threaded, seeded (SplitMix64 for the initial
/// weights and the shuffle), fixed summation order: the same rows, options and seed give the same bytes.
/// </summary>
public static class AttentionTrainer
{
    public static AttentionModel Fit(IReadOnlyList<AttentionExample> examples, int dimension, AttentionOptions options, int seed, TextWriter? log = null)
    {
        options.Validate();
        var usable = examples.Where(e => e.Premise.Length > 0 && e.Hypothesis.Length > 0).ToList();
        if (usable.Count == 0) throw new ArgumentException("No attention training example has words on both sides.", nameof(examples));
        var layout = new AttentionModel.Layout(dimension, options.Hidden);
        var rng = new SplitMix(seed);
        var p = Initial(layout, rng);
        var grad = new float[layout.Count];
        var m1 = new float[layout.Count];
        var m2 = new float[layout.Count];
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var step = 0;
        var order = Enumerable.Range(0, usable.Count).ToArray();
        var scratch = new Scratch();
        var isWeight = WeightMask(layout);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            // Fisher-Yates with the seeded generator: a fixed order per (seed, epoch).
            for (var i = order.Length - 1; i > 0; i--) { var j = (int)(rng.Next() % (ulong)(i + 1)); (order[i], order[j]) = (order[j], order[i]); }
            double loss = 0, weightSum = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                Array.Clear(grad);
                var end = Math.Min(order.Length, start + options.BatchSize);
                float batchWeight = 0;
                for (var k = start; k < end; k++)
                {
                    var e = usable[order[k]];
                    loss += Accumulate(p, layout, e.Premise, e.Hypothesis, e.Label, e.Weight, grad, scratch, options.MeanAggregate);
                    batchWeight += e.Weight;
                    weightSum += e.Weight;
                }
                if (batchWeight <= 0) continue;
                step++;
                var lrT = options.LearningRate * Math.Sqrt(1 - Math.Pow(beta2, step)) / (1 - Math.Pow(beta1, step));
                for (var q = 0; q < p.Length; q++)
                {
                    var g = grad[q] / batchWeight + (isWeight[q] ? options.L2 * p[q] : 0);
                    m1[q] = (float)(beta1 * m1[q] + (1 - beta1) * g);
                    m2[q] = (float)(beta2 * m2[q] + (1 - beta2) * g * g);
                    p[q] -= (float)(lrT * m1[q] / (Math.Sqrt(m2[q]) + eps));
                }
            }
            log?.WriteLine($"attention epoch {epoch + 1}: mean loss {loss / Math.Max(weightSum, 1e-12):0.0000}");
        }
        return new AttentionModel(dimension, options.Hidden, p, options.MeanAggregate);
    }

    /// <summary>Which parameters are weights (L2 applies) rather than biases.</summary>
    private static bool[] WeightMask(AttentionModel.Layout l)
    {
        var mask = new bool[l.Count];
        Array.Fill(mask, true, l.WF, l.H * l.D);
        Array.Fill(mask, true, l.WOwn, 2 * l.H * l.D);
        Array.Fill(mask, true, l.W1, 2 * l.H * l.H);
        Array.Fill(mask, true, l.W2, AttentionModel.Classes * l.H);
        return mask;
    }

    /// <summary>Uniform Glorot initial weights (seeded), zero biases except b_F: a small positive b_F keeps F's units alive at the start.</summary>
    internal static float[] Initial(AttentionModel.Layout l, SplitMix rng)
    {
        var p = new float[l.Count];
        void Fill(int offset, int rows, int cols)
        {
            var s = Math.Sqrt(6.0 / (rows + cols));
            for (var i = 0; i < rows * cols; i++) p[offset + i] = (float)((rng.NextDouble() * 2 - 1) * s);
        }
        Fill(l.WF, l.H, l.D);
        Array.Fill(p, 0.01f, l.BF, l.H);
        Fill(l.WOwn, l.H, l.D);
        Fill(l.WOther, l.H, l.D);
        Fill(l.W1, l.H, 2 * l.H);
        Fill(l.W2, AttentionModel.Classes, l.H);
        return p;
    }

    /// <summary>Work arrays reused across examples (one per training thread; training is single-threaded).</summary>
    internal sealed class Scratch
    {
        private float[] _buf = new float[4096];
        public Span<float> Take(ref int used, int n)
        {
            if (used + n > _buf.Length) throw new InvalidOperationException("scratch too small");
            var s = _buf.AsSpan(used, n);
            s.Clear();
            used += n;
            return s;
        }
        public void Ensure(int n) { if (_buf.Length < n) _buf = new float[Math.Max(n, _buf.Length * 2)]; }
    }

    /// <summary>
    /// Backward through one side's soft alignment: row o of <paramref name="g"/> is d(loss)/d(pre_o), where pre_o = own_o +
    /// sum_k w_ok other_k and w_o. = softmax(e_o.). Adds w_ok g_o into d(other_k) and w_ok (g_o . other_k - sum_k' w_ok' g_o .
    /// other_k') into d(e_ok). Entry (o, k) of the weight and score matrices sits at o * <paramref name="outerStride"/> +
    /// k * <paramref name="innerStride"/>, so the same code walks rows (premise side) and columns (hypothesis side).
    /// </summary>
    private static void SoftmaxBack(Span<float> g, Span<float> w, Span<float> other, Span<float> dOther, Span<float> dp, Span<float> de,
        int outerCount, int innerCount, int outerStride, int innerStride, int h)
    {
        for (var o = 0; o < outerCount; o++)
        {
            var go = g.Slice(o * h, h);
            double dot = 0;
            for (var k = 0; k < innerCount; k++)
            {
                var at = o * outerStride + k * innerStride;
                TensorPrimitives.MultiplyAdd(go, w[at], dOther.Slice(k * h, h), dOther.Slice(k * h, h));
                dp[at] = TensorPrimitives.Dot<float>(go, other.Slice(k * h, h));
                dot += w[at] * dp[at];
            }
            for (var k = 0; k < innerCount; k++)
            {
                var at = o * outerStride + k * innerStride;
                de[at] += (float)(w[at] * (dp[at] - dot));
            }
        }
    }

    /// <summary>
    /// Forward and backward pass for one pair: adds weight x d(loss)/d(parameters) into <paramref name="grad"/> and
    /// returns weight x loss (loss = -log softmax(z)[label]). The forward computation is the one of
    /// <see cref="AttentionModel.Logits"/> (a test checks the two agree), with its intermediates kept.
    /// </summary>
    internal static double Accumulate(ReadOnlySpan<float> p, AttentionModel.Layout l, float[] xa, float[] xb, int label, float weight,
        Span<float> grad, Scratch scratch, bool meanAggregate = false)
    {
        int d = l.D, h = l.H, m = xa.Length / d, n = xb.Length / d;
        scratch.Ensure(9 * (m + n) * h + 5 * m * n + 8 * h + 16); // every Take below, summed
        var used = 0;
        var fa = scratch.Take(ref used, m * h); var fb = scratch.Take(ref used, n * h);
        var ownA = scratch.Take(ref used, m * h); var ownB = scratch.Take(ref used, n * h);
        var othA = scratch.Take(ref used, m * h); var othB = scratch.Take(ref used, n * h);
        AttentionModel.ProjectInto(p, l, xa, fa, ownA, othA);
        AttentionModel.ProjectInto(p, l, xb, fb, ownB, othB);
        var e = scratch.Take(ref used, m * n);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                e[i * n + j] = TensorPrimitives.Dot<float>(fa.Slice(i * h, h), fb.Slice(j * h, h));
        var pr = scratch.Take(ref used, m * n); // row softmax (over j)
        var qc = scratch.Take(ref used, m * n); // column softmax (over i), stored [i * n + j]
        e.CopyTo(pr);
        for (var i = 0; i < m; i++) AttentionModel.SoftmaxInPlace(pr.Slice(i * n, n));
        var col = new float[m];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < m; i++) col[i] = e[i * n + j];
            AttentionModel.SoftmaxInPlace(col);
            for (var i = 0; i < m; i++) qc[i * n + j] = col[i];
        }
        var pre1 = scratch.Take(ref used, m * h);
        var pre2 = scratch.Take(ref used, n * h);
        var v = scratch.Take(ref used, 2 * h);
        for (var i = 0; i < m; i++)
        {
            var r = pre1.Slice(i * h, h);
            ownA.Slice(i * h, h).CopyTo(r);
            for (var j = 0; j < n; j++) TensorPrimitives.MultiplyAdd(othB.Slice(j * h, h), pr[i * n + j], r, r);
            for (var k = 0; k < h; k++) if (r[k] > 0) v[k] += r[k];
        }
        for (var j = 0; j < n; j++)
        {
            var r = pre2.Slice(j * h, h);
            ownB.Slice(j * h, h).CopyTo(r);
            for (var i = 0; i < m; i++) TensorPrimitives.MultiplyAdd(othA.Slice(i * h, h), qc[i * n + j], r, r);
            for (var k = 0; k < h; k++) if (r[k] > 0) v[h + k] += r[k];
        }
        if (meanAggregate)
        {
            TensorPrimitives.Divide(v[..h], m, v[..h]);
            TensorPrimitives.Divide(v[h..], n, v[h..]);
        }
        var u = scratch.Take(ref used, h);
        var hid = scratch.Take(ref used, h);
        for (var k = 0; k < h; k++)
        {
            u[k] = TensorPrimitives.Dot<float>(p.Slice(l.W1 + k * 2 * h, 2 * h), v) + p[l.B1 + k];
            hid[k] = u[k] > 0 ? u[k] : 0;
        }
        Span<double> z = stackalloc double[AttentionModel.Classes];
        for (var c = 0; c < z.Length; c++) z[c] = TensorPrimitives.Dot<float>(p.Slice(l.W2 + c * h, h), hid) + p[l.B2 + c];
        Span<double> prob = stackalloc double[AttentionModel.Classes];
        LogisticModel.Softmax(z, prob);
        var loss = -weight * Math.Log(Math.Max(prob[label], 1e-12));

        // Backward.
        Span<float> dz = stackalloc float[AttentionModel.Classes];
        for (var c = 0; c < dz.Length; c++) dz[c] = (float)(weight * (prob[c] - (c == label ? 1 : 0)));
        var dhid = scratch.Take(ref used, h);
        for (var c = 0; c < dz.Length; c++)
        {
            TensorPrimitives.MultiplyAdd(hid, dz[c], grad.Slice(l.W2 + c * h, h), grad.Slice(l.W2 + c * h, h));
            grad[l.B2 + c] += dz[c];
            TensorPrimitives.MultiplyAdd(p.Slice(l.W2 + c * h, h), dz[c], dhid, dhid);
        }
        var dv = scratch.Take(ref used, 2 * h);
        for (var k = 0; k < h; k++)
        {
            if (u[k] <= 0) continue;
            var du = dhid[k];
            TensorPrimitives.MultiplyAdd(v, du, grad.Slice(l.W1 + k * 2 * h, 2 * h), grad.Slice(l.W1 + k * 2 * h, 2 * h));
            grad[l.B1 + k] += du;
            TensorPrimitives.MultiplyAdd(p.Slice(l.W1 + k * 2 * h, 2 * h), du, dv, dv);
        }
        if (meanAggregate)
        {
            TensorPrimitives.Divide(dv[..h], m, dv[..h]);
            TensorPrimitives.Divide(dv[h..], n, dv[h..]);
        }
        // Through the compare ReLUs: g1_i = dV1 where pre1_i > 0 (pre1 reused as g1), g2_j likewise.
        var dOthA = scratch.Take(ref used, m * h);
        var dOthB = scratch.Take(ref used, n * h);
        var dFa = scratch.Take(ref used, m * h);
        var dFb = scratch.Take(ref used, n * h);
        for (var i = 0; i < m; i++)
            for (var k = 0; k < h; k++) pre1[i * h + k] = pre1[i * h + k] > 0 ? dv[k] : 0;
        for (var j = 0; j < n; j++)
            for (var k = 0; k < h; k++) pre2[j * h + k] = pre2[j * h + k] > 0 ? dv[h + k] : 0;
        var de = scratch.Take(ref used, m * n);
        var dp = scratch.Take(ref used, m * n);
        // Row side: pre1_i = own_i + sum_j p_ij othB_j (weights p at [i * n + j]); column side: pre2_j = own_j +
        // sum_i q_ij othA_i (weights q at [i * n + j], walked by column). One softmax backward, two orientations.
        SoftmaxBack(pre1, pr, othB, dOthB, dp, de, m, n, n, 1, h);
        SoftmaxBack(pre2, qc, othA, dOthA, dp, de, n, m, 1, n, h);
        // e_ij = fa_i . fb_j
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var g = de[i * n + j];
                if (g == 0) continue;
                TensorPrimitives.MultiplyAdd(fb.Slice(j * h, h), g, dFa.Slice(i * h, h), dFa.Slice(i * h, h));
                TensorPrimitives.MultiplyAdd(fa.Slice(i * h, h), g, dFb.Slice(j * h, h), dFb.Slice(j * h, h));
            }
        void Back(float[] x, int count, Span<float> f, Span<float> df, Span<float> dOwn, Span<float> dOther, Span<float> grad)
        {
            for (var i = 0; i < count; i++)
            {
                var xi = x.AsSpan(i * d, d);
                for (var k = 0; k < h; k++)
                {
                    var gf = f[i * h + k] > 0 ? df[i * h + k] : 0;
                    if (gf != 0)
                    {
                        TensorPrimitives.MultiplyAdd(xi, gf, grad.Slice(l.WF + k * d, d), grad.Slice(l.WF + k * d, d));
                        grad[l.BF + k] += gf;
                    }
                    var go = dOwn[i * h + k];
                    if (go != 0)
                    {
                        TensorPrimitives.MultiplyAdd(xi, go, grad.Slice(l.WOwn + k * d, d), grad.Slice(l.WOwn + k * d, d));
                        grad[l.BG + k] += go;
                    }
                    var gt = dOther[i * h + k];
                    if (gt != 0) TensorPrimitives.MultiplyAdd(xi, gt, grad.Slice(l.WOther + k * d, d), grad.Slice(l.WOther + k * d, d));
                }
            }
        }
        Back(xa, m, fa, dFa, pre1, dOthA, grad);
        Back(xb, n, fb, dFb, pre2, dOthB, grad);
        return loss;
    }

    /// <summary>
    /// The mix weight w (grid 0..3 step 0.05) and temperature t (grid 0.25..4 step 0.01) with the least weighted
    /// NLL of softmax((z + w za) / t) on the validation rows; ties keep the smaller w, then the smaller t.
    /// </summary>
    public static (float Weight, float Temperature) FitMix(IReadOnlyList<double[]> linearLogits, IReadOnlyList<double[]> attentionLogits,
        IReadOnlyList<int> labels, IReadOnlyList<float> weights)
    {
        if (linearLogits.Count == 0) return (0f, 1f);
        var best = (W: 0.0, T: 1.0, Nll: double.PositiveInfinity);
        Span<double> z = stackalloc double[LogisticModel.Labels.Length];
        Span<double> pr = stackalloc double[LogisticModel.Labels.Length];
        for (var ws = 0; ws <= 60; ws++)
        {
            var w = ws * 0.05;
            for (var ts = 25; ts <= 400; ts++)
            {
                var t = ts / 100.0;
                double nll = 0;
                for (var i = 0; i < linearLogits.Count; i++)
                {
                    linearLogits[i].CopyTo(z);
                    AttentionMixModel.Mix(z, attentionLogits[i], w, t, pr);
                    nll -= weights[i] * Math.Log(Math.Max(pr[labels[i]], 1e-12));
                }
                if (nll < best.Nll - 1e-12) best = (w, t, nll);
            }
        }
        return ((float)best.W, (float)best.T);
    }

    /// <summary>SplitMix64 (Steele et al.): a tiny seeded generator whose sequence is fixed by this code, not by the runtime.</summary>
    internal sealed class SplitMix(long seed)
    {
        private ulong _state = (ulong)seed;
        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        /// <summary>Uniform in [0, 1) from the top 53 bits.</summary>
        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
