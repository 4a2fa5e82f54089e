using ContradictionNlp.Evaluation;

namespace ContradictionNlp.Tests.Scoring;

public class ScorerMetricsTests
{
    // Label order: contradiction, entailment, neutral.
    [Fact]
    public void Metrics_on_a_hand_made_set()
    {
        int[] gold = [0, 0, 1, 2];
        double[][] probs =
        [
            [0.8, 0.1, 0.1],   // C right, confidence 0.8 (bin 8)
            [0.15, 0.75, 0.1], // C predicted E: wrong, 0.75 (bin 7)
            [0.2, 0.7, 0.1],   // E right, 0.7 (bin 7)
            [0.1, 0.2, 0.7],   // N right, 0.7 (bin 7)
        ];
        var m = ScorerMetrics.Compute(gold, probs);
        Assert.Equal(4, m.N);
        Assert.Equal(0.75, m.Accuracy, 12);
        Assert.Equal([1, 1, 0], m.Confusion[0]);
        Assert.Equal([0, 1, 0], m.Confusion[1]);
        Assert.Equal([0, 0, 1], m.Confusion[2]);
        Assert.Equal(1.0, m.Contradiction.Precision, 12);
        Assert.Equal(0.5, m.Contradiction.Recall, 12);
        Assert.Equal(2.0 / 3, m.Contradiction.F1, 12);
        Assert.Equal(0.5, m.Classes[1].Precision, 12);
        Assert.Equal(1.0, m.Classes[1].Recall, 12);
        Assert.Equal(7.0 / 9, m.MacroF1, 12);
        // Positives 0.8, 0.15 vs negatives 0.2, 0.1: 3 of 4 pairs ordered right.
        Assert.Equal(0.75, m.ContradictionAuc, 12);
        // bin 7: 3 items, accuracy 2/3, confidence 0.71667 -> 0.05 * 3/4; bin 8: |1 - 0.8| * 1/4.
        Assert.Equal(0.0375 + 0.05, m.Ece, 12);
    }

    [Fact]
    public void Auc_counts_ties_as_half_and_is_nan_without_both_classes()
    {
        Assert.Equal(0.5, ScorerMetrics.Auc([true, false], [0.5, 0.5]), 12);
        Assert.Equal(0.0, ScorerMetrics.Auc([true, false], [0.1, 0.9]), 12);
        Assert.True(double.IsNaN(ScorerMetrics.Auc([true, true], [0.1, 0.9])));
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var m = ScorerMetrics.Compute([0, 1], [[0.9, 0.05, 0.05], [0.6, 0.3, 0.1]]);
        Assert.Equal("{\"n\":2,\"accuracy\":0.5,\"macro_f1\":0.2222,\"contradiction\":{\"precision\":0.5,\"recall\":1,\"f1\":0.6667,\"auc\":1},\"ece\":0.35}",
            ContradictionNlp.Cli.Commands.EvalScorerCommand.ToJson(m));
    }
}
