using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Training;

/// <summary><see cref="ScorerTraining.BalanceWeights"/> and <c>--class-balance</c> (<see cref="LogisticRegressionOptions.ClassBalance"/>).</summary>
public class ClassBalanceTests
{
    private static FeaturizedExample Row(int label, float weight = 1f) => new([0f], [], label, weight);

    [Fact]
    public void Full_balance_gives_each_class_of_a_set_the_same_total_and_keeps_the_set_total()
    {
        // Set "a": 1 contradiction, 1 entailment, 4 neutral (6 rows) -> factors 6/3 = 2, 2, 6/12 = 0.5.
        // Set "b": 3 rows, one per class -> factor 1; its synthetic-style weight 0.5 is kept and multiplied.
        var rows = new List<FeaturizedExample> { Row(0), Row(1), Row(2), Row(2), Row(2), Row(2), Row(0, 0.5f), Row(1, 0.5f), Row(2, 0.5f) };
        var sets = new List<string> { "a", "a", "a", "a", "a", "a", "b", "b", "b" };
        var w = ScorerTraining.BalanceWeights(rows, sets).Select(e => e.Weight).ToArray();
        Assert.Equal([2f, 2f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f], w);
        Assert.Equal(6f, w[..6].Sum());
        // Labels and features are untouched.
        Assert.Equal(rows.Select(r => r.Label), ScorerTraining.BalanceWeights(rows, sets).Select(r => r.Label));
    }

    [Fact]
    public void Half_balance_takes_the_square_root_of_the_factor_and_zero_changes_nothing()
    {
        var rows = new List<FeaturizedExample> { Row(0), Row(1), Row(2), Row(2), Row(2), Row(2) };
        var sets = Enumerable.Repeat("a", 6).ToList();
        var half = ScorerTraining.BalanceWeights(rows, sets, 0.5).Select(e => e.Weight).ToArray();
        Assert.Equal(MathF.Sqrt(2f), half[0], 6);
        Assert.Equal(MathF.Sqrt(0.5f), half[2], 6);
        Assert.Equal(Enumerable.Repeat(1f, 6), ScorerTraining.BalanceWeights(rows, sets, 0).Select(e => e.Weight));
        Assert.Throws<ArgumentException>(() => ScorerTraining.BalanceWeights(rows, ["a"]));
    }

    [Fact]
    public void Option_is_validated_absent_from_default_manifests_and_changes_the_trained_weights()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegressionOptions { ClassBalance = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegressionOptions { ClassBalance = -0.1 }.Validate());
        Assert.DoesNotContain("class_balance", System.Text.Json.JsonSerializer.Serialize(new LogisticRegressionOptions(), ManifestJson.Options));
        Assert.Contains("\"class_balance\":1", System.Text.Json.JsonSerializer.Serialize(new LogisticRegressionOptions { ClassBalance = 1 }, ManifestJson.Options).Replace(" ", "").Replace("\n", ""));

        var dir = Path.Combine(Path.GetTempPath(), $"cnlp-cb-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            // One neutral-heavy set: 20 groups of 3 labelled pairs plus 2 extra neutral rows each.
            var tsv = TinyNli.WriteGuitarGroups(Path.Combine(dir, "tiny.tsv"), 20);
            File.AppendAllLines(tsv, Enumerable.Range(0, 20).SelectMany(i => new[]
            {
                $"g{i}#4\tA man is playing a guitar\tA man is playing a guitar on a stage\tneutral\tt",
                $"g{i}#5\tA man is playing a guitar\tA man is playing a guitar in the rain\tneutral\tt",
            }));
            TrainedScorer Train(double balance) => ScorerTraining.Fit(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [],
                new LogisticRegressionOptions { Epochs = 2, ClassBalance = balance }, "cb-test", new DiagnosticBag(), 1024);
            var a = Train(1);
            var b = Train(1);
            var off = Train(0);
            Assert.Equal(a.Scorer.WeightsBytes(), b.Scorer.WeightsBytes());
            Assert.NotEqual(a.Scorer.WeightsBytes(), off.Scorer.WeightsBytes());
            Assert.Equal(1, a.Manifest.Options.ClassBalance);
            // Balanced, neutral (3 of 5 rows per group) no longer outweighs the rest: an unseen pair gets less neutral.
            foreach (var (p, h) in new[] { ("A woman is reading a book", "A dog runs in a park"), ("A man is playing a guitar", "A man is holding a guitar") })
            {
                var na = a.Scorer.Score(p, h).Neutral;
                var no = off.Scorer.Score(p, h).Neutral;
                Assert.True(na < no, $"'{p}' / '{h}': neutral {na} balanced vs {no} unbalanced");
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
