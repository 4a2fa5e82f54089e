using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Training;

public class BoostedTests
{
    /// <summary>
    /// XOR of two cues (x0 "negation", x1 "high overlap"): exactly one present -> contradiction (0), both or
    /// neither -> entailment (1). The (1,1) cell is three times as common, so the first split alone already
    /// gains (on a balanced XOR no single split does, and greedy trees stall). Rows are grouped in tens
    /// (group key "gK"), as one premise's pairs would be.
    /// </summary>
    private static (List<FeaturizedExample> Rows, List<string> Groups) Xor(int n, int seed = 3)
    {
        var rng = new Random(seed);
        var rows = new List<FeaturizedExample>();
        var groups = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var cell = i % 6; // 0: (0,0), 1: (1,0), 2: (0,1), 3-5: (1,1)
            var (a, b) = cell switch { 0 => (0, 0), 1 => (1, 0), 2 => (0, 1), _ => (1, 1) };
            float[] dense = [a + 0.2f * (float)rng.NextDouble(), b + 0.2f * (float)rng.NextDouble()];
            rows.Add(new FeaturizedExample(dense, [], a != b ? 0 : 1));
            groups.Add($"g{i / 10}");
        }
        return (rows, groups);
    }

    private static double Accuracy(Func<FeaturizedExample, double[]> predict, IReadOnlyList<FeaturizedExample> data) =>
        data.Count(e => { var p = predict(e); return Array.IndexOf(p, p.Max()) == e.Label; }) / (double)data.Count;

    private static readonly LogisticRegressionOptions Linear = new() { Epochs = 5 };

    [Fact]
    public void Trees_learn_a_cue_conjunction_the_logistic_model_cannot()
    {
        var (data, groups) = Xor(400);
        var (val, _) = Xor(100, seed: 4);
        var lr = LogisticRegressionTrainer.Fit(data, 2, 4, Linear);
        var gb = BoostedTrainer.Fit(data, groups, val, 2, 4, Linear, new BoostedOptions { Rounds = 40, Depth = 2 });
        var lrAcc = Accuracy(e => { var p = new double[3]; lr.Predict(e.Dense, e.Hashed, p); return p; }, val);
        var gbAcc = Accuracy(e => { var p = new double[3]; gb.Predict(e.Dense, e.Hashed, p); return p; }, val);
        Assert.True(lrAcc <= 0.84, $"logistic accuracy {lrAcc} on XOR: a line gets at most 3 of the 4 cells, 5/6 of the rows");
        Assert.Equal(1.0, gbAcc);
        Assert.True(gb.Trees > 0 && gb.Trees % 3 == 0, $"{gb.Trees} trees: one per class per kept round");
    }

    [Fact]
    public void Same_data_gives_identical_bytes_and_other_options_differ()
    {
        var (data, groups) = Xor(100);
        var (val, _) = Xor(40, seed: 4);
        var o = new BoostedOptions { Rounds = 5, Depth = 2, Patience = 5 };
        var a = BoostedTrainer.Fit(data, groups, val, 2, 4, Linear, o).ToBytes();
        var b = BoostedTrainer.Fit(data, groups, val, 2, 4, Linear, o).ToBytes();
        var c = BoostedTrainer.Fit(data, groups, val, 2, 4, Linear, o with { LearningRate = 0.3 }).ToBytes();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_round_only()
    {
        // Every validation row is neutral, a class no training row has: each round lowers the neutral logit
        // everywhere, so every round makes validation worse, no round is kept and the model is its linear part exactly.
        var (data, groups) = Xor(200);
        var flipped = Xor(40, seed: 4).Rows.Select(e => e with { Label = 2 }).ToList();
        var gb = BoostedTrainer.Fit(data, groups, flipped, 2, 4, Linear, new BoostedOptions { Rounds = 20, Depth = 2, Patience = 3 });
        Assert.Equal(0, gb.Trees);
        var lin = new double[3]; var all = new double[3];
        gb.Linear.Logits([1f, 0f], [], lin);
        gb.Logits([1f, 0f], [], all);
        Assert.Equal(lin, all);
    }

    [Fact]
    public void Trees_walk_left_on_less_or_equal_and_add_their_leaf_to_their_class()
    {
        // Linear part all zeros; one depth-1 tree for class 0 splitting dense feature 0 at 0.5 (leaves -1 / +2),
        // one for class 2 splitting the class-1 linear logit (input index D + 1 = 2) at 0 (leaves 3 / 5).
        var linear = new LogisticModel(2, 1, [0, 0], [1, 1], new float[3 * 4]);
        var m = new BoostedModel(linear, 1, 1f, [0, 2], [0, 2], [0.5f, 0f], [-1f, 2f, 3f, 5f]);
        var z = new double[3];
        m.Logits([0.5f, 9f], [], z);
        Assert.Equal([-1.0, 0.0, 3.0], z);
        m.Logits([0.6f, 9f], [], z);
        Assert.Equal([2.0, 0.0, 3.0], z);
        var p = new double[3];
        m.WithTemperature(2f).Predict([0.6f, 9f], [], p);
        var e = new[] { Math.Exp(1), Math.Exp(0), Math.Exp(1.5) };
        Assert.Equal(e[0] / e.Sum(), p[0], 12);
    }

    [Fact]
    public void Weights_round_trip_and_bad_bytes_are_refused()
    {
        var (data, groups) = Xor(200);
        var model = BoostedTrainer.Fit(data, groups, Xor(30, seed: 4).Rows, 2, 4, Linear, new BoostedOptions { Rounds = 3, Depth = 2, Patience = 3 })
            .WithTemperature(1.5f);
        var bytes = model.ToBytes();
        var back = BoostedModel.FromBytes(bytes, "w.bin");
        Assert.Equal(bytes, back.ToBytes());
        Assert.Equal((2, 4, 2, model.Trees, 1.5f), (back.Dense, back.Buckets, back.Depth, back.Trees, back.Temperature));
        var ex = Assert.Throws<ModelFormatException>(() => BoostedModel.FromBytes(bytes.AsSpan(0, bytes.Length - 4), "w.bin"));
        var linearBytes = model.Linear.ToBytes().Length;
        Assert.Equal($"w.bin: {bytes.Length - 4} bytes, expected {bytes.Length} for a {linearBytes}-byte linear part and {model.Trees} trees of depth 2.", ex.Message);
        ex = Assert.Throws<ModelFormatException>(() => BoostedModel.FromBytes(model.Linear.ToBytes(), "w.bin"));
        Assert.Equal("w.bin: not a boosted scorer weights file (expected magic 'CNLPGB' at offset 0).", ex.Message);
    }

    [Fact]
    public void Cuts_are_the_distinct_values_below_the_largest_or_quantiles()
    {
        Assert.Equal([0f, 1f], BoostedTrainer.Cuts([1f, 0f, 2f, 1f, 0f], 8));
        Assert.Empty(BoostedTrainer.Cuts([3f, 3f, 3f], 8));
        var many = Enumerable.Range(0, 100).Select(i => (float)i).ToArray();
        Assert.Equal([25f, 50f, 75f], BoostedTrainer.Cuts(many, 4));
    }

    [Fact]
    public void Boosted_scorer_saves_with_model_type_and_loads_back_with_identical_scores()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cnlp-gb-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var tsv = TinyNli.WriteGuitarGroups(Path.Combine(dir, "tiny.tsv"), 60);
            var trained = ScorerTraining.Fit(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [],
                new LogisticRegressionOptions { Epochs = 2 }, "gb-test", new DiagnosticBag(), 1024,
                boosted: new BoostedOptions { Rounds = 5, Depth = 2, Patience = 5 });
            Assert.Equal(ModelTypes.Boosted, trained.Manifest.ModelType);
            Assert.Equal(PairFeaturizer.Version, trained.Manifest.FeaturizerVersion);
            Assert.Equal(trained.Scorer.BoostedModel!.Trees, trained.Manifest.Trees);
            Assert.NotNull(trained.Manifest.Temperature);
            var folder = Path.Combine(dir, "model");
            ScorerTraining.Save(trained, folder);
            var loaded = ShippedModels.Catalog.LoadScorer(folder);
            Assert.Equal(ModelTypes.Boosted, loaded.ModelType);
            Assert.Null(loaded.Model);
            Assert.Equal(trained.Scorer.WeightsBytes(), loaded.WeightsBytes());
            foreach (var (p, h) in new[] { ("A woman sings", "A woman does not sing"), ("It rained on Monday", "It rained on Tuesday") })
            {
                var a = trained.Scorer.Score(p, h);
                var b = loaded.Score(p, h);
                Assert.Equal((a.Contradiction, a.Entailment, a.Neutral), (b.Contradiction, b.Entailment, b.Neutral));
                Assert.Equal(a.Reasons.Select(r => r.Kind + ": " + r.Message), b.Reasons.Select(r => r.Kind + ": " + r.Message));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
