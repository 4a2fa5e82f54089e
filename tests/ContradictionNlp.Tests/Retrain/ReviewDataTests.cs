using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Retrain;

public class ReviewDataTests
{
    [Theory]
    [InlineData("contradiction", 0)]
    [InlineData("not_contradiction", 2)]
    [InlineData("not_contradiction:neutral", 2)]
    [InlineData("not_contradiction:entailment", 1)]
    [InlineData("bad_claim", null)]
    [InlineData("skip", null)]
    public void Verdicts_map_to_labels(string verdict, int? label) => Assert.Equal(label, ReviewData.LabelOf(verdict));

    [Fact]
    public void Unknown_verdict_is_refused_with_the_list() =>
        Assert.Equal("Unknown verdict 'yes': expected one of contradiction, not_contradiction, not_contradiction:entailment, not_contradiction:neutral, bad_claim, skip.",
            Assert.Throws<FormatException>(() => ReviewData.LabelOf("yes")).Message);

    [Fact]
    public void Held_out_share_is_fixed_per_pair_and_close_to_the_share()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => ($"art{i}:0-10", $"art{i}:20-40")).ToList();
        var held = keys.Count(k => ReviewData.IsHeldOut(k.Item1, k.Item2, 0.3));
        Assert.InRange(held, 540, 660); // 30% of 2000 = 600, FNV-1a spreads well
        Assert.Equal(0, keys.Count(k => ReviewData.IsHeldOut(k.Item1, k.Item2, 0)));
        // The same pair always lands on the same side; a larger share only adds pairs.
        Assert.All(keys, k => Assert.True(!ReviewData.IsHeldOut(k.Item1, k.Item2, 0.3) || ReviewData.IsHeldOut(k.Item1, k.Item2, 0.5)));
    }

    [Fact]
    public void Split_excludes_bad_claims_and_uses_older_claim_as_premise()
    {
        StoredReview R(long pair, string verdict) => new(pair, pair, verdict, "r", DateTimeOffset.UnixEpoch, null);
        var reviews = new[]
        {
            new ReviewedPair(1, "a:1", "b:1", "taxes will not rise", "taxes will rise", R(1, "contradiction")),
            new ReviewedPair(2, "a:2", "b:2", "x", "y", R(2, "bad_claim")),
            new ReviewedPair(3, "a:3", "b:3", "bridge opens in May", "bridge opens in May as planned", R(3, "not_contradiction:entailment")),
        };
        var split = ReviewData.Split(reviews, 0, "db");
        Assert.Equal(1, split.Excluded);
        Assert.Empty(split.HeldOut);
        Assert.Equal([("pair-1", "taxes will not rise", "taxes will rise", 0), ("pair-3", "bridge opens in May", "bridge opens in May as planned", 1)],
            split.Train.Select(r => (r.Id, r.Premise, r.Hypothesis, r.Label)).ToArray());
    }

    [Fact]
    public void Decide_refuses_any_drop_on_reviews_and_base_drops_beyond_the_margin()
    {
        PromotionComparison C(string kind, double b, double c) => new(kind == "reviews" ? "reviews@heldout" : "sick", kind, 100, b, c, 0, 0);
        Assert.True(ModelPromotion.Decide([C("base", 0.80, 0.785), C("reviews", 0.5, 0.5)], 0.02).Promoted);
        Assert.False(ModelPromotion.Decide([C("base", 0.80, 0.775), C("reviews", 0.5, 0.6)], 0.02).Promoted);
        Assert.False(ModelPromotion.Decide([C("base", 0.80, 0.90), C("reviews", 0.6, 0.5)], 0.02).Promoted);
        var (ok, reasons) = ModelPromotion.Decide([C("base", 0.80, 0.775)], 0.02);
        Assert.False(ok);
        Assert.Equal(["WORSE: sick (n=100) accuracy 0.8000 -> 0.7750 (-0.0250, allowed drop 0.02)",
            "note: no reviewed pair fell in the held-out share, so only the base dev sets were compared",
            "note: no sobriety sample, so the flag rate on unrelated pairs was not compared"], reasons);
    }

    [Theory]
    [InlineData(0.0, 0.3, 0.02)]
    [InlineData(5.0, 1.0, 0.02)]
    [InlineData(5.0, 0.3, -0.1)]
    public void Bad_options_are_refused(double weight, double share, double margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewTrainingOptions { ReviewWeight = weight, HoldoutShare = share, Margin = margin }.Validate());

    [Fact]
    public void Trainer_refuses_negative_weights()
    {
        var e = new FeaturizedExample([1f], [], 0, -1f);
        Assert.Equal("Example weights must be finite and >= 0, found -1. (Parameter 'examples')",
            Assert.Throws<ArgumentException>(() => LogisticRegressionTrainer.Fit([e], 1, 4, new LogisticRegressionOptions())).Message);
    }

    [Fact]
    public void Weight_pulls_the_model_toward_the_weighted_examples()
    {
        // Two identical inputs with opposite labels: the heavier one wins the prediction.
        FeaturizedExample E(int label, float w) => new([1f, 0f], [3], label, w);
        var light = LogisticRegressionTrainer.Fit([E(0, 1), E(2, 1), E(0, 1), E(2, 5)], 2, 8, new LogisticRegressionOptions { BatchSize = 4, Epochs = 20 });
        Span<double> p = stackalloc double[3];
        light.Predict([1f, 0f], [3], p);
        Assert.True(p[2] > p[0], $"neutral weighted 5 should beat contradiction weighted 2, got C {p[0]} N {p[2]}");
    }
}

public class BaseDataTests
{
    [Fact]
    public void Base_data_comes_from_the_current_manifest_resolved_against_the_search_folders()
    {
        var manifest = ManifestJson.Read<ScorerManifest>(TestPaths.Repo("models", "scorer", "v1", "manifest.json"), ScorerManifest.KindName);
        var (train, dev, missing, _) = ModelPromotion.BaseDataOf(manifest, ["/nonexistent-folder"]);
        Assert.Equal(manifest.Data.Count + manifest.Dev.Count, missing.Count);
        Assert.Equal(manifest.Data.Select(d => d.Split).ToArray(), train.Select(s => s.Split.ToString().ToLowerInvariant() switch { "heldout" => "heldout", var x => x }).ToArray());
        if (!TestPaths.HasShared("data", "snli", "dev.tsv.gz")) return;
        (train, dev, missing, _) = ModelPromotion.BaseDataOf(manifest, ["/nonexistent-folder", TestPaths.RepoRoot]);
        Assert.Empty(missing);
        Assert.Equal(Path.GetFullPath(TestPaths.SharedData("snli", "dev.tsv.gz")), train[1].Path);
        Assert.Equal(DataSplit.Train, train[1].Split);
        Assert.Equal(DataSplit.HeldOut, dev[1].Split);
    }
}
