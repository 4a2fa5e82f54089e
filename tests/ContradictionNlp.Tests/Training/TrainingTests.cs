using System.Text;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Training;

public class TrainingTests
{
    private static List<FeaturizedExample> Synthetic(int n)
    {
        var rng = new Random(1);
        var list = new List<FeaturizedExample>();
        for (var i = 0; i < n; i++)
        {
            var label = i % 3;
            float[] dense = [label + (float)rng.NextDouble(), (float)rng.NextDouble(), 3f];
            list.Add(new FeaturizedExample(dense, [label * 2, 7], label));
        }
        return list;
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_another_seed_differs()
    {
        var data = Synthetic(200);
        var o = new LogisticRegressionOptions { Seed = 5, Epochs = 3 };
        var a = LogisticRegressionTrainer.Fit(data, 3, 16, o).ToBytes();
        var b = LogisticRegressionTrainer.Fit(data, 3, 16, o).ToBytes();
        var c = LogisticRegressionTrainer.Fit(data, 3, 16, o with { Seed = 6 }).ToBytes();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Fit_learns_a_separable_toy_problem_and_keeps_constant_features_harmless()
    {
        var data = Synthetic(300);
        var model = LogisticRegressionTrainer.Fit(data, 3, 16, new LogisticRegressionOptions { Epochs = 10 });
        var correct = 0;
        Span<double> p = stackalloc double[3];
        foreach (var e in data)
        {
            model.Predict(e.Dense, e.Hashed, p);
            var pred = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            if (pred == e.Label) correct++;
        }
        Assert.Equal(300, correct);
        Assert.Equal(1f, model.Stds[2]); // the constant feature 3.0 has std 0 -> 1
    }

    [Fact]
    public void Weights_round_trip_and_bad_bytes_are_refused()
    {
        var model = LogisticRegressionTrainer.Fit(Synthetic(30), 3, 16, new LogisticRegressionOptions { Epochs = 1 });
        var bytes = model.ToBytes();
        Assert.Equal(bytes, LogisticModel.FromBytes(bytes, "w.bin").ToBytes());
        var ex = Assert.Throws<ModelFormatException>(() => LogisticModel.FromBytes(bytes.AsSpan(0, bytes.Length - 4), "w.bin"));
        Assert.Equal($"w.bin: {bytes.Length - 4} bytes, expected {bytes.Length} for 3 dense features and 16 hash buckets.", ex.Message);
    }

    [Fact]
    public void Tsv_reader_skips_bad_rows_with_diagnostics_naming_the_line()
    {
        const string tsv = "id\tpremise\thypothesis\tlabel\tsource\n"
            + "a1\tA dog runs.\tAn animal moves.\tentailment\tt\n"
            + "a2\tonly three\tfields\n"
            + "a3\tA cat.\tA cat.\tmaybe\tt\n"
            + "a4\t \tA cat.\tneutral\tt\n"
            + "a5\tA man.\tNo man.\tcontradiction\tt\n";
        var bag = new DiagnosticBag();
        var rows = NliTsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(tsv)), new DataSpec("x.tsv", DataSplit.All), bag);
        Assert.Equal(["a1", "a5"], rows.Select(r => r.Id));
        Assert.Equal([1, 0], rows.Select(r => r.Label));
        Assert.Equal(6, rows[1].Line);
        Assert.Equal(
        [
            "x.tsv:3: error: expected 5 tab-separated fields, found 3; row skipped",
            "x.tsv:4 (label): error: unknown label 'maybe', expected contradiction, entailment or neutral; row skipped",
            "x.tsv:5 (premise): error: empty text; row skipped",
        ], bag.Select(d => d.ToString()));
    }

    [Fact]
    public void Held_out_split_is_fixed_by_group_and_partitions_the_rows()
    {
        // All pairs of one SNLI image share a side; train and held-out never overlap.
        Assert.Equal(DataSpec.IsHeldOut("123.jpg#0r1e"), DataSpec.IsHeldOut("123.jpg#4r1c"));
        var ids = Enumerable.Range(0, 1000).Select(i => $"{i}.jpg#0r1n").ToList();
        var held = ids.Count(DataSpec.IsHeldOut);
        Assert.InRange(held, 150, 250);
        Assert.Equal(1000, ids.Count(new DataSpec("f", DataSplit.Train).Includes) + held);
        Assert.Equal(new DataSpec("a@b.tsv", DataSplit.HeldOut), DataSpec.Parse("a@b.tsv@heldout"));
        Assert.Equal("Unknown split '@dev' in 'f.tsv@dev': expected @train, @heldout or @all.", Assert.Throws<FormatException>(() => DataSpec.Parse("f.tsv@dev")).Message);
    }

    [Fact]
    public void Saved_model_loads_back_with_identical_scores()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cnlp-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var tsv = Path.Combine(dir, "tiny.tsv");
            File.WriteAllLines(tsv,
            [
                "id\tpremise\thypothesis\tlabel\tsource",
                "1\tA man is playing a guitar\tA man is not playing a guitar\tcontradiction\tt",
                "2\tA man is playing a guitar\tA man is playing an instrument\tentailment\tt",
                "3\tA man is playing a guitar\tA man is playing a song for his wife\tneutral\tt",
                "4\tThe water is hot\tThe water is cold\tcontradiction\tt",
                "5\tTwo dogs run in the park\tDogs run\tentailment\tt",
                "6\tTwo dogs run in the park\tThe dogs are chasing a ball\tneutral\tt",
            ]);
            var trained = ScorerTraining.Fit(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [], new LogisticRegressionOptions { Epochs = 5 }, "test", new DiagnosticBag());
            var folder = Path.Combine(dir, "model");
            ScorerTraining.Save(trained, folder);
            Assert.Equal(["manifest.json", "weights.bin"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
            var loaded = ShippedModels.Catalog.LoadScorer(folder);
            foreach (var (p, h) in new[] { ("A woman sings", "A woman does not sing"), ("It rained on Monday", "It rained on Tuesday") })
                Assert.Equal(trained.Scorer.Score(p, h), loaded.Score(p, h), ScoreComparer.Instance);
            Assert.Equal(6, Assert.Single(trained.Manifest.Data).Rows);
            var ex = Assert.Throws<IOException>(() => ScorerTraining.Save(trained, folder));
            Assert.Equal($"{folder} already exists: choose another --out or pass --force.", ex.Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Calibrated_fit_holds_out_the_validation_part_and_records_its_temperature()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cnlp-train-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            // 60 rows, ids "r0".."r59": ScorerTraining.IsValidation decides which are validation rows.
            string[] templates =
            [
                "A man is playing a guitar\tA man is not playing a guitar\tcontradiction",
                "A man is playing a guitar\tA man is playing an instrument\tentailment",
                "A man is playing a guitar\tA man is playing a song for his wife\tneutral",
            ];
            var lines = new List<string> { "id\tpremise\thypothesis\tlabel\tsource" };
            for (var i = 0; i < 60; i++) lines.Add($"r{i}\t{templates[i % 3]}\tt");
            var tsv = Path.Combine(dir, "tiny.tsv");
            File.WriteAllLines(tsv, lines);
            var expectedVal = Enumerable.Range(0, 60).Count(i => ScorerTraining.IsValidation($"r{i}"));
            Assert.InRange(expectedVal, 1, 59); // both parts non-empty, or the test says nothing
            var log = new StringWriter();
            var trained = ScorerTraining.Fit(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [], new LogisticRegressionOptions { Epochs = 3 },
                "test", new DiagnosticBag(), log: log, calibrate: true);
            Assert.Contains($"fit {60 - expectedVal} rows, validation {expectedVal} rows", log.ToString());
            var t = Assert.IsType<double>(trained.Manifest.Temperature);
            Assert.InRange(t, 0.25, 4.0);
            Assert.Equal(expectedVal, Assert.Single(trained.Manifest.Validation!).N);
            var folder = Path.Combine(dir, "model");
            ScorerTraining.Save(trained, folder);
            var manifest = ManifestJson.Read<ScorerManifest>(Path.Combine(folder, "manifest.json"), ScorerManifest.KindName);
            Assert.Equal(t, manifest.Temperature);
            var loaded = ShippedModels.Catalog.LoadScorer(folder);
            Assert.Equal(trained.Scorer.Score("A woman sings", "A woman does not sing"), loaded.Score("A woman sings", "A woman does not sing"), ScoreComparer.Instance);
            // Without --calibrate nothing is held out and no temperature is recorded.
            var plain = ScorerTraining.Fit(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [], new LogisticRegressionOptions { Epochs = 3 }, "test", new DiagnosticBag());
            Assert.Null(plain.Manifest.Temperature);
            Assert.Null(plain.Manifest.Validation);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Synthetic_weight_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegressionOptions { SyntheticWeight = 0f }.Validate());
        new LogisticRegressionOptions { SyntheticWeight = 0.5f }.Validate();
        Assert.Equal(1f, new LogisticRegressionOptions().SyntheticWeight); // v1/v2 defaults unchanged
    }

    private sealed class ScoreComparer : IEqualityComparer<ContradictionScore>
    {
        public static readonly ScoreComparer Instance = new();
        public bool Equals(ContradictionScore? x, ContradictionScore? y) =>
            x!.Contradiction == y!.Contradiction && x.Entailment == y.Entailment && x.Neutral == y.Neutral
            && x.Reasons.Select(r => r.Message).SequenceEqual(y.Reasons.Select(r => r.Message));
        public int GetHashCode(ContradictionScore obj) => 0;
    }
}
