using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Training;

public class WideDeepTests
{
    /// <summary>
    /// XOR of two cues: "negation" (x0) and "high overlap" (x1). Exactly one present -> contradiction (0),
    /// both or neither -> entailment (1). No linear function of x0, x1 separates this; one hidden layer does.
    /// </summary>
    private static List<FeaturizedExample> Xor(int n)
    {
        var rng = new Random(3);
        var list = new List<FeaturizedExample>();
        for (var i = 0; i < n; i++)
        {
            var a = i % 2; var b = (i / 2) % 2;
            float[] dense = [a + 0.2f * (float)rng.NextDouble(), b + 0.2f * (float)rng.NextDouble()];
            list.Add(new FeaturizedExample(dense, [], a != b ? 0 : 1));
        }
        return list;
    }

    private static double Accuracy(Func<FeaturizedExample, double[]> predict, IReadOnlyList<FeaturizedExample> data) =>
        data.Count(e => { var p = predict(e); return Array.IndexOf(p, p.Max()) == e.Label; }) / (double)data.Count;

    [Fact]
    public void Hidden_layer_learns_a_cue_conjunction_the_logistic_model_cannot()
    {
        var data = Xor(400);
        var lr = LogisticRegressionTrainer.Fit(data, 2, 4, new LogisticRegressionOptions { Epochs = 30 });
        var wd = WideDeepTrainer.Fit(data, 2, 4, new WideDeepOptions { Epochs = 30, Hidden = 16 });
        var lrAcc = Accuracy(e => { var p = new double[3]; lr.Predict(e.Dense, e.Hashed, p); return p; }, data);
        var wdAcc = Accuracy(e => { var p = new double[3]; wd.Predict(e.Dense, e.Hashed, p); return p; }, data);
        Assert.True(lrAcc <= 0.76, $"logistic accuracy {lrAcc} on XOR: a linear model cannot exceed 3/4 here");
        Assert.True(wdAcc >= 0.99, $"wide-deep accuracy {wdAcc} on XOR");
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_differs()
    {
        var data = Xor(100);
        var o = new WideDeepOptions { Epochs = 3, Hidden = 8, Seed = 5 };
        var a = WideDeepTrainer.Fit(data, 2, 4, o).ToBytes();
        var b = WideDeepTrainer.Fit(data, 2, 4, o).ToBytes();
        var c = WideDeepTrainer.Fit(data, 2, 4, o with { Seed = 6 }).ToBytes();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Weights_round_trip_and_bad_bytes_are_refused()
    {
        var model = WideDeepTrainer.Fit(Xor(60), 2, 4, new WideDeepOptions { Epochs = 1, Hidden = 3 }).WithTemperature(1.5f);
        var bytes = model.ToBytes();
        var back = WideDeepModel.FromBytes(bytes, "w.bin");
        Assert.Equal(bytes, back.ToBytes());
        Assert.Equal((2, 4, 3, 1.5f), (back.Dense, back.Buckets, back.Hidden, back.Temperature));
        var ex = Assert.Throws<ModelFormatException>(() => WideDeepModel.FromBytes(bytes.AsSpan(0, bytes.Length - 4), "w.bin"));
        Assert.Equal($"w.bin: {bytes.Length - 4} bytes, expected {bytes.Length} for 2 dense features, 4 buckets and 3 hidden units.", ex.Message);
        ex = Assert.Throws<ModelFormatException>(() => WideDeepModel.FromBytes(new LogisticModel(2, 4, [0, 0], [1, 1], new float[21]).ToBytes(), "w.bin"));
        Assert.Equal("w.bin: not a wide-deep scorer weights file (expected magic 'CNLPWD' at offset 0).", ex.Message);
    }

    [Fact]
    public void Temperature_divides_the_logits_and_the_fit_lowers_validation_loss()
    {
        // A model that is right 75% of the time with huge logits is overconfident: the fitted T must exceed 1
        // and must not raise the validation NLL.
        var model = new WideDeepModel(1, 1, 1, 1f, [0], [1], [0, 8, 0, 0, 0, 0, 0, 0, 0], [1], [0], [0, 0, 0]);
        var val = new List<FeaturizedExample>();
        for (var i = 0; i < 40; i++) val.Add(new FeaturizedExample([1f], [], i % 4 == 0 ? 1 : 0));
        var t = WideDeepTrainer.FitTemperature(model, val);
        Assert.InRange(t, 1.01f, 4f);
        double Nll(WideDeepModel m) => val.Sum(e => { var p = new double[3]; m.Predict(e.Dense, e.Hashed, p); return -Math.Log(p[e.Label]); });
        Assert.True(Nll(model.WithTemperature(t)) < Nll(model));
        var p1 = new double[3]; var p2 = new double[3];
        model.Predict([1f], [], p1);
        model.WithTemperature(2f).Predict([1f], [], p2);
        Assert.Equal(Math.Exp(8) / (Math.Exp(8) + 2), p1[0], 1e-12);
        Assert.Equal(Math.Exp(4) / (Math.Exp(4) + 2), p2[0], 1e-12);
    }

    [Fact]
    public void Validation_part_is_fixed_grouped_and_about_fifteen_percent()
    {
        var ids = Enumerable.Range(0, 4000).Select(i => $"img{i}.jpg#{i % 3}").ToList();
        var share = ids.Count(ScorerTraining.IsValidation) / (double)ids.Count;
        Assert.InRange(share, 0.12, 0.18);
        Assert.Equal(ScorerTraining.IsValidation("img7.jpg#0"), ScorerTraining.IsValidation("img7.jpg#2"));
    }

    [Fact]
    public void Wide_deep_scorer_saves_with_model_type_and_loads_back_with_identical_scores()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cnlp-wd-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var tsv = TinyNli.WriteGuitarGroups(Path.Combine(dir, "tiny.tsv"), 40);
            var trained = ScorerTraining.FitWideDeep(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [],
                new WideDeepOptions { Epochs = 3, Hidden = 8 }, "wd-test", new DiagnosticBag());
            Assert.Equal(ModelTypes.WideDeep, trained.Manifest.ModelType);
            Assert.Equal(ScorerManifest.CurrentFormatVersion, trained.Manifest.FormatVersion);
            var validationRows = Enumerable.Range(0, 40).Count(i => ScorerTraining.IsValidation($"g{i}#1")) * 3;
            Assert.Equal(validationRows, Assert.Single(trained.Manifest.Validation!).N);
            var folder = Path.Combine(dir, "model");
            ScorerTraining.Save(trained, folder);
            var loaded = ShippedModels.Catalog.LoadScorer(folder);
            Assert.Equal(ModelTypes.WideDeep, loaded.ModelType);
            Assert.Null(loaded.Model);
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
