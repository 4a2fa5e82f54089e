using System.Text.Json.Nodes;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Training;

public class AttentionTests
{
    /// <summary>
    /// D = 2, H = 1, hand-set parameters: W_F [1, 0], b_F 0; W_own [1, 1], W_other [0, 1], b_G 0; W_1 [1, 0.25], b_1 0.5;
    /// W_2 [1, 2, -1], b_2 [0, 0, 0.5].
    /// </summary>
    private static AttentionModel HandMade() => new(2, 1, [1, 0, 0, 1, 1, 0, 1, 0, 1, 0.25f, 0.5f, 1, 2, -1, 0, 0, 0.5f]);

    [Fact]
    public void Forward_pass_on_a_hand_made_example_gives_the_hand_computed_logits()
    {
        var m = HandMade();
        // Premise: one word (1, 0). F = relu(1) = 1, own = 1 + 0 = 1, other = 0.
        // Hypothesis: (0.6, 0.8) -> F 0.6, own 1.4, other 0.8; (1, 0) -> F 1, own 1, other 0.
        var a = m.Project([1f, 0f]);
        var b = m.Project([0.6f, 0.8f, 1f, 0f]);
        Assert.Equal(1, a.Count);
        Assert.Equal(2, b.Count);
        // e = [0.6, 1]; the premise word's weights softmax([0.6, 1]) = [1 / (1 + e^0.4), ...] = [0.4013123, 0.5986877];
        // V1 = relu(1 + 0.4013123 * 0.8 + 0.5986877 * 0) = 1.3210498. Each hypothesis word aligns with the only premise
        // word (weight 1): V2 = relu(1.4 + 0) + relu(1 + 0) = 2.4. u = 1.3210498 + 0.25 * 2.4 + 0.5 = 2.4210498 (> 0);
        // z = [u, 2u, -u + 0.5].
        var z = new double[3];
        m.Logits(a, b, z);
        Assert.Equal(2.4210498, z[0], 5);
        Assert.Equal(4.8420996, z[1], 5);
        Assert.Equal(-1.9210498, z[2], 5);
        // No word on one side: no opinion (all-zero logits), not an exception.
        m.Logits(m.Project([]), b, z);
        Assert.Equal([0.0, 0.0, 0.0], z);
    }

    [Fact]
    public void Word_matrix_reads_in_vocabulary_words_at_unit_length_and_skips_unknown_ones()
    {
        var vectors = ShippedModels.Catalog.LoadSifEmbedder().Vectors;
        var man = vectors.IndexOf("man");
        var guitar = vectors.IndexOf("guitar");
        var x = AttentionModel.WordMatrix(vectors, [man, -1, guitar]);
        Assert.Equal(2 * vectors.Dimension, x.Length);
        for (var r = 0; r < 2; r++)
        {
            var row = x.AsSpan(r * vectors.Dimension, vectors.Dimension);
            double norm = 0;
            foreach (var v in row) norm += v * v;
            Assert.Equal(1.0, Math.Sqrt(norm), 5);
        }
        var raw = new float[vectors.Dimension];
        vectors.CopyVector(guitar, raw);
        Assert.True(raw[0] * x[vectors.Dimension] > 0, "same direction as the raw vector");
        Assert.Equal(AttentionModel.MaxWords * vectors.Dimension, AttentionModel.WordMatrix(vectors, Enumerable.Repeat(man, 100).ToArray()).Length);
    }

    private static (float[] P, AttentionModel.Layout L, float[] Xa, float[] Xb) RandomCase(int d, int h, int m, int n, int seed)
    {
        var rng = new AttentionTrainer.SplitMix(seed);
        var l = new AttentionModel.Layout(d, h);
        var p = new float[l.Count];
        for (var i = 0; i < p.Length; i++) p[i] = (float)(rng.NextDouble() * 1.6 - 0.8);
        float[] Words(int k) { var x = new float[k * d]; for (var i = 0; i < x.Length; i++) x[i] = (float)(rng.NextDouble() * 2 - 1); return x; }
        return (p, l, Words(m), Words(n));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hand_written_gradient_matches_central_differences_and_the_loss_matches_the_model_forward_pass(bool mean)
    {
        var (p, l, xa, xb) = RandomCase(d: 3, h: 4, m: 2, n: 3, seed: 7);
        const int label = 2;
        const float weight = 1.5f;
        var grad = new float[l.Count];
        var scratch = new AttentionTrainer.Scratch();
        var loss = AttentionTrainer.Accumulate(p, l, xa, xb, label, weight, grad, scratch, mean);

        // The training forward pass is the model's: same logits, so the same loss.
        var model = new AttentionModel(3, 4, (float[])p.Clone(), mean);
        var z = new double[3];
        model.Logits(model.Project(xa), model.Project(xb), z);
        var probs = new double[3];
        LogisticModel.Softmax(z, probs);
        Assert.Equal(-weight * Math.Log(probs[label]), loss, 5);

        var checkedCount = 0;
        for (var q = 0; q < p.Length; q++)
        {
            const float eps = 1e-2f;
            var keep = p[q];
            p[q] = keep + eps;
            var up = AttentionTrainer.Accumulate(p, l, xa, xb, label, weight, new float[l.Count], scratch, mean);
            p[q] = keep - eps;
            var down = AttentionTrainer.Accumulate(p, l, xa, xb, label, weight, new float[l.Count], scratch, mean);
            p[q] = keep;
            var numeric = (up - down) / (2 * eps);
            Assert.True(Math.Abs(numeric - grad[q]) <= 2e-3 + 0.02 * Math.Abs(numeric),
                $"parameter {q}: analytic {grad[q]}, numeric {numeric}");
            if (Math.Abs(grad[q]) > 1e-4) checkedCount++;
        }
        // Most parameters carry gradient here (a check over zeros alone would prove nothing).
        Assert.True(checkedCount > l.Count / 2, $"only {checkedCount} of {l.Count} parameters had a gradient");
    }

    [Fact]
    public void Accumulating_adds_to_the_gradient_and_scales_with_the_weight()
    {
        var (p, l, xa, xb) = RandomCase(3, 2, 2, 2, seed: 11);
        var scratch = new AttentionTrainer.Scratch();
        var once = new float[l.Count];
        AttentionTrainer.Accumulate(p, l, xa, xb, 0, 1f, once, scratch);
        var twice = new float[l.Count];
        AttentionTrainer.Accumulate(p, l, xa, xb, 0, 2f, twice, scratch);
        for (var q = 0; q < l.Count; q++) Assert.Equal(2 * once[q], twice[q], 4);
    }

    private static List<AttentionExample> Toy(int n, int seed)
    {
        // Label 0 when the hypothesis holds the premise word negated ((-x)), else 1: an alignment task.
        var rng = new AttentionTrainer.SplitMix(seed);
        var rows = new List<AttentionExample>();
        for (var i = 0; i < n; i++)
        {
            float[] a = [(float)rng.NextDouble() + 0.5f, (float)rng.NextDouble() - 0.5f];
            var neg = i % 2 == 0;
            float[] b = neg ? [-a[0], -a[1], 0.1f, 0.9f] : [a[0], a[1], 0.1f, 0.9f];
            rows.Add(new AttentionExample(a, b, neg ? 0 : 1));
        }
        return rows;
    }

    [Fact]
    public void Same_rows_and_seed_give_identical_bytes_another_seed_does_not_and_training_learns_the_task()
    {
        var rows = Toy(200, 1);
        var o = new AttentionOptions { Hidden = 6, Epochs = 20, BatchSize = 8, LearningRate = 0.01 };
        var a = AttentionTrainer.Fit(rows, 2, o, seed: 5);
        var b = AttentionTrainer.Fit(rows, 2, o, seed: 5);
        var c = AttentionTrainer.Fit(rows, 2, o, seed: 6);
        Assert.Equal(a.ToBytes(), b.ToBytes());
        Assert.NotEqual(a.ToBytes(), c.ToBytes());
        var test = Toy(100, 2);
        var z = new double[3];
        var right = test.Count(e => { a.Logits(a.Project(e.Premise), a.Project(e.Hypothesis), z); return (z[0] > z[1] ? 0 : 1) == e.Label; });
        Assert.True(right >= 95, $"{right} of 100 right on held-out toy rows");
    }

    [Fact]
    public void Weights_round_trip_and_damaged_files_are_refused_naming_the_problem()
    {
        var att = HandMade();
        var back = AttentionModel.FromBytes(att.ToBytes(), "x");
        Assert.Equal(att.ToBytes(), back.ToBytes());
        var linear = LogisticRegressionTrainer.Fit([new FeaturizedExample([1f], [0], 0), new FeaturizedExample([0f], [1], 1)], 1, 2, new LogisticRegressionOptions { Epochs = 2 });
        var mix = new AttentionMixModel(linear, att, 0.5f, 1.25f);
        var bytes = mix.ToBytes();
        var loaded = AttentionMixModel.FromBytes(bytes, "w.bin");
        Assert.Equal(bytes, loaded.ToBytes());
        Assert.Equal(0.5f, loaded.MixWeight);
        Assert.Equal(1.25f, loaded.Temperature);
        var p1 = new double[3]; var p2 = new double[3];
        mix.Predict([1f], [0], att.Project([1f, 0f]), att.Project([0.6f, 0.8f]), p1);
        loaded.Predict([1f], [0], loaded.Attention.Project([1f, 0f]), loaded.Attention.Project([0.6f, 0.8f]), p2);
        Assert.Equal(p1, p2);
        Assert.Contains("w.bin", Assert.Throws<ModelFormatException>(() => AttentionMixModel.FromBytes(bytes.AsSpan(0, bytes.Length - 4), "w.bin")).Message);
        Assert.Contains("CNLPAM", Assert.Throws<ModelFormatException>(() => AttentionMixModel.FromBytes(linear.ToBytes(), "w.bin")).Message);
        Assert.Contains("CNLPDA", Assert.Throws<ModelFormatException>(() => AttentionModel.FromBytes(linear.ToBytes(), "a")).Message);
    }

    [Fact]
    public void Stacked_model_feeds_the_attention_logits_to_the_logistic_part_and_round_trips()
    {
        var att = HandMade();
        // One featurizer input, then the 3 attention logits: weights only on the attention entailment input (index 2).
        var linear = new LogisticModel(4, 1, [0f, 0f, 0f, 0f], [1f, 1f, 1f, 1f],
            [0, 0, 0, 0, 0, 0, /* entailment: bias, x, att C, att E, att N, bucket */ 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
        var stacked = new AttentionMixModel(linear, att, 0f, 2f, stacked: true);
        Assert.Equal(1, stacked.Dense);
        var a = att.Project([1f, 0f]);
        var b = att.Project([0.6f, 0.8f, 1f, 0f]);
        var p = new double[3];
        stacked.Predict([5f], [], a, b, p);
        // Logits (0, z_att[1] = 4.8420996, 0) / T 2: softmax of (0, 2.4210498, 0).
        var e = Math.Exp(2.4210498);
        Assert.Equal(e / (e + 2), p[1], 5);
        Assert.Equal(1 / (e + 2), p[0], 5);
        var loaded = AttentionMixModel.FromBytes(stacked.ToBytes(), "s.bin");
        Assert.True(loaded.Stacked);
        Assert.Equal(stacked.ToBytes(), loaded.ToBytes());
        var q = new double[3];
        loaded.Predict([5f], [], loaded.Attention.Project([1f, 0f]), loaded.Attention.Project([0.6f, 0.8f, 1f, 0f]), q);
        Assert.Equal(p, q);
        Assert.False(AttentionMixModel.FromBytes(new AttentionMixModel(linear, att, 0.5f, 1f).ToBytes(), "m.bin").Stacked);
    }

    [Fact]
    public void Mix_fit_picks_weight_zero_for_useless_attention_logits_and_a_positive_weight_for_informative_ones()
    {
        var labels = Enumerable.Range(0, 60).Select(i => i % 3).ToList();
        var weights = labels.Select(_ => 1f).ToList();
        var flat = labels.Select(_ => new double[3]).ToList();
        var noise = labels.Select((l, i) => new[] { (i * 7 % 5) - 2.0, (i * 3 % 5) - 2.0, (i % 5) - 2.0 }).ToList();
        Assert.Equal(0f, AttentionTrainer.FitMix(flat, noise.Select(n => new double[3]).ToList(), labels, weights).Weight);
        var informative = labels.Select(l => Enumerable.Range(0, 3).Select(c => c == l ? 1.0 : 0.0).ToArray()).ToList();
        Assert.True(AttentionTrainer.FitMix(flat, informative, labels, weights).Weight > 0);
    }

    [Fact]
    public void Attention_mix_scorer_trains_saves_loads_with_identical_scores_and_a_mismatched_file_is_refused()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"cnlp-att-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var tsv = TinyNli.WriteGuitarGroups(Path.Combine(dir, "tiny.tsv"), 40);
            TrainedScorer Train() => ScorerTraining.Fit(ShippedModels.Catalog, [new DataSpec(tsv, DataSplit.All)], [],
                new LogisticRegressionOptions { Epochs = 2 }, "att-test", new DiagnosticBag(), 1024,
                attention: new AttentionOptions { Hidden = 8, Epochs = 2 });
            var trained = Train();
            Assert.Equal(ModelTypes.AttentionMix, trained.Manifest.ModelType);
            Assert.Equal(8, trained.Manifest.AttentionOptions!.Hidden);
            Assert.NotNull(trained.Manifest.MixWeight);
            Assert.NotNull(trained.Manifest.Temperature);
            // Determinism end to end: the same data and seed give the same weights.bin.
            Assert.Equal(trained.Scorer.WeightsBytes(), Train().Scorer.WeightsBytes());
            var folder = Path.Combine(dir, "model");
            ScorerTraining.Save(trained, folder);
            var loaded = ShippedModels.Catalog.LoadScorer(folder);
            Assert.Equal(ModelTypes.AttentionMix, loaded.ModelType);
            Assert.Equal(trained.Scorer.WeightsBytes(), loaded.WeightsBytes());
            foreach (var (p, h) in new[] { ("A man is playing a guitar", "A man is not playing a guitar"), ("It rained on Monday", "It rained on Tuesday") })
            {
                var a = trained.Scorer.Score(p, h);
                var b = loaded.Score(p, h);
                Assert.Equal((a.Contradiction, a.Entailment, a.Neutral), (b.Contradiction, b.Entailment, b.Neutral));
                // Prepared texts (cached projections) give the same numbers as strings.
                var f = loaded.Featurizer;
                var pp = f.Prepare(p); var hp = f.Prepare(h);
                var c = loaded.Score(pp, hp);
                var again = loaded.Score(pp, hp);
                Assert.Equal((a.Contradiction, a.Entailment, a.Neutral), (c.Contradiction, c.Entailment, c.Neutral));
                Assert.Equal((c.Contradiction, c.Entailment, c.Neutral), (again.Contradiction, again.Entailment, again.Neutral));
            }

            // A manifest whose attention size disagrees with the weights is refused, naming the file.
            var manifestPath = Path.Combine(folder, "manifest.json");
            var original = File.ReadAllText(manifestPath);
            var json = JsonNode.Parse(original)!;
            json["attention_options"]!["hidden"] = 9;
            File.WriteAllText(manifestPath, json.ToJsonString());
            var ex = Assert.Throws<ModelFormatException>(() => ShippedModels.Catalog.LoadScorer(folder));
            Assert.Contains("8 hidden units, expected 9", ex.Message);
            File.WriteAllText(manifestPath, original);
            // A weights file that is not the one the manifest hashed is refused.
            var weights = Path.Combine(folder, ScorerTraining.WeightsFile);
            var bytes = File.ReadAllBytes(weights);
            bytes[^1] ^= 1;
            File.WriteAllBytes(weights, bytes);
            Assert.Contains("sha256", Assert.Throws<ModelFormatException>(() => ShippedModels.Catalog.LoadScorer(folder)).Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
