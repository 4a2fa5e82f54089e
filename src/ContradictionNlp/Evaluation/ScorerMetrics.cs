using ContradictionNlp.Scoring;

namespace ContradictionNlp.Evaluation;

public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// 3-way NLI quality. Classes in <see cref="LogisticModel.Labels"/> order (contradiction, entailment,
/// neutral). <see cref="Confusion"/>[gold][predicted]. <see cref="ContradictionAuc"/> is ROC-AUC of
/// P(contradiction) for gold contradiction vs the rest (ties count one half). <see cref="Ece"/> is the
/// expected calibration error of the top probability over 10 equal-width bins.
/// </summary>
public sealed record ScorerMetrics(int N, double Accuracy, IReadOnlyList<ClassMetrics> Classes, double MacroF1, double ContradictionAuc, double Ece, int[][] Confusion)
{
    public const int EceBins = 10;

    public ClassMetrics Contradiction => Classes[0];

    /// <param name="gold">Gold class per example.</param>
    /// <param name="probs">Probabilities per example, in label order; the prediction is the arg-max (first wins ties).</param>
    public static ScorerMetrics Compute(IReadOnlyList<int> gold, IReadOnlyList<double[]> probs)
    {
        if (gold.Count != probs.Count) throw new ArgumentException($"{gold.Count} gold labels but {probs.Count} predictions.");
        var k = LogisticModel.Labels.Length;
        var n = gold.Count;
        var confusion = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        var binCount = new int[EceBins];
        var binConf = new double[EceBins];
        var binCorrect = new double[EceBins];
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var pr = probs[i];
            var pred = 0;
            for (var c = 1; c < k; c++) if (pr[c] > pr[pred]) pred = c;
            confusion[gold[i]][pred]++;
            if (pred == gold[i]) correct++;
            var bin = Math.Min(EceBins - 1, (int)(pr[pred] * EceBins));
            binCount[bin]++;
            binConf[bin] += pr[pred];
            binCorrect[bin] += pred == gold[i] ? 1 : 0;
        }
        var classes = new List<ClassMetrics>();
        for (var c = 0; c < k; c++)
        {
            var tp = confusion[c][c];
            var predicted = 0;
            for (var g = 0; g < k; g++) predicted += confusion[g][c];
            var support = confusion[c].Sum();
            var p = predicted == 0 ? 0 : tp / (double)predicted;
            var r = support == 0 ? 0 : tp / (double)support;
            classes.Add(new ClassMetrics(LogisticModel.Labels[c], p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), support));
        }
        var ece = 0.0;
        for (var b = 0; b < EceBins; b++)
            if (binCount[b] > 0) ece += binCount[b] / (double)n * Math.Abs(binCorrect[b] / binCount[b] - binConf[b] / binCount[b]);
        return new ScorerMetrics(n, n == 0 ? 0 : correct / (double)n, classes, classes.Average(c => c.F1),
            Auc(gold.Select(g => g == 0).ToList(), probs.Select(p => p[0]).ToList()), ece, confusion);
    }

    /// <summary>Mann-Whitney form of ROC-AUC with average ranks for ties; NaN when one side is empty.</summary>
    public static double Auc(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var idx = Enumerable.Range(0, score.Count).OrderBy(i => score[i]).ToArray();
        var ranks = new double[score.Count];
        for (var i = 0; i < idx.Length;)
        {
            var j = i;
            while (j + 1 < idx.Length && score[idx[j + 1]] == score[idx[i]]) j++;
            var avg = (i + j) / 2.0 + 1;
            for (var t = i; t <= j; t++) ranks[idx[t]] = avg;
            i = j + 1;
        }
        double pos = positive.Count(b => b), neg = positive.Count - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        var sum = 0.0;
        for (var i = 0; i < ranks.Length; i++) if (positive[i]) sum += ranks[i];
        return (sum - pos * (pos + 1) / 2) / (pos * neg);
    }
}
