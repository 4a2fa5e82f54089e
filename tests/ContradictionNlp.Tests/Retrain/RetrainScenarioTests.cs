using ContradictionNlp.Review;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;

namespace ContradictionNlp.Tests.Retrain;

/// <summary>
/// Given the reviews scenario (data/reviews-scenario: one speaker, three articles, a planted reversal the
/// bundled scorer misses), When reviews are applied and the scorer is retrained from them, Then the comparison
/// decides promotion, and rescoring with the promoted model flags the pair. Uses the full base data the bundled
/// manifest lists (SICK train + SNLI dev@train, about 12k rows, ~10 s) so the comparison with v1 is like for like.
/// Skipped (returns) when ../shared is absent.
/// </summary>
public class RetrainScenarioTests
{
    private const string TargetA = "is on schedule";
    private const string TargetB = "months behind schedule";
    private static string ReviewsTsv => Path.Combine(RetrainScenarioKit.ScenarioDir, "reviews.tsv");

    private static string[] Retrain(RetrainScenarioKit kit, params string[] extra) =>
        ["train", "scorer", "--with-reviews", "--db", kit.Db, "--models", kit.Models,
         "--data", RetrainScenarioKit.SickTrain, RetrainScenarioKit.SnliDev + "@train",
         "--dev", RetrainScenarioKit.SickTrial, RetrainScenarioKit.SnliDev + "@heldout", .. extra];

    [Fact]
    public void Reviews_retrain_promote_and_rescore_flag_the_missed_reversal_then_rollback_restores_it()
    {
        if (!RetrainScenarioKit.HasData) return;
        using var kit = new RetrainScenarioKit();
        var summary = kit.Analyze();
        Assert.Equal(3, summary.ArticlesNew);
        Assert.Equal(36, summary.Pairs); // 9 claims of one speaker, every pair similar enough to score
        var before = kit.PairScore(TargetA, TargetB);
        Assert.True(before < 0.5, $"the bundled scorer should miss the planted reversal, scored {before}");

        Assert.Equal(37, kit.ApplyReviews(ReviewsTsv));
        var (code, output, err) = kit.Cnlp(Retrain(kit));
        Assert.True(code == 0, err);
        Assert.Contains("26 train (weight 5), 6 held out, 1 bad_claim excluded", output);
        Assert.Contains("promoted v2:", output);
        Assert.DoesNotContain("WORSE", output);
        Assert.Equal("v2", kit.CurrentVersion());
        var record = ManifestJson.Read<PromotionRecord>(Path.Combine(kit.Models, "scorer", "v2", ModelVersions.PromotionFile), "promotion");
        Assert.True(record.Promoted);
        Assert.Equal("v1", record.Baseline);
        var heldOut = Assert.Single(record.Comparisons, c => c.Kind == "reviews");
        Assert.Equal(6, heldOut.N);
        Assert.True(heldOut.CandidateAccuracy >= heldOut.BaselineAccuracy);
        Assert.All(record.Comparisons.Where(c => c.Kind == "base"), c => Assert.True(c.CandidateAccuracy >= c.BaselineAccuracy - 0.02));

        (code, output, err) = kit.Cnlp("rescore", "--db", kit.Db, "--models", kit.Models);
        Assert.True(code == 0, err);
        Assert.StartsWith("rescored 36 pair(s) with scorer v2;", output);
        var after = kit.PairScore(TargetA, TargetB);
        Assert.True(after >= 0.5, $"after retraining the reversal should be flagged, scored {after}");
        using (var store = ClaimStore.Open(kit.Db))
            Assert.All(store.ListPairs(0), p => Assert.Equal("v2", p.ModelVersion));

        // Rollback: v1 again, and rescoring gives back exactly the first scores (deterministic scorer).
        (code, output, _) = kit.Cnlp("models", "use", "v1", "--models", kit.Models);
        Assert.Equal(0, code);
        Assert.Equal("current scorer: v1 (was v2). Run 'cnlp rescore' to re-score stored pairs with it." + Environment.NewLine, output);
        Assert.Equal(0, kit.Cnlp("rescore", "--db", kit.Db, "--models", kit.Models).Code);
        Assert.Equal(before, kit.PairScore(TargetA, TargetB));
    }

    /// <summary>
    /// A reviewer who flips every verdict to a random other one. Measured: at the default weight 5 such
    /// reviews are NOT caught (the held-out reviews are flipped too, and 26 rows barely move the base dev
    /// sets), so this guards the case where they would do real damage: a high review weight (60) that bends
    /// the model away from the base data (SICK trial accuracy drops past the 0.02 margin).
    /// </summary>
    [Fact]
    public void Nonsense_reviews_with_a_high_weight_are_refused_and_kept_as_a_candidate()
    {
        if (!RetrainScenarioKit.HasData) return;
        using var kit = new RetrainScenarioKit();
        kit.Analyze();
        var rng = new Random(7);
        string[] labels = [Verdicts.Contradiction, Verdicts.NotContradiction, Verdicts.NotContradiction + ":" + Verdicts.EntailmentDetail];
        kit.ApplyReviews(ReviewsTsv, v => v is Verdicts.Skip or Verdicts.BadClaim ? v : labels.Where(l => l != v).ElementAt(rng.Next(2)));
        var weightsBefore = File.ReadAllBytes(Path.Combine(kit.Models, "scorer", "v1", "weights.bin"));

        var (code, output, err) = kit.Cnlp(Retrain(kit, "--review-weight", "60"));
        Assert.True(code == 0, err);
        Assert.Contains("kept v2 as a candidate", output);
        Assert.Contains("WORSE: " + RetrainScenarioKit.SickTrial, output);
        Assert.Equal("v1", kit.CurrentVersion());
        Assert.Equal(weightsBefore, File.ReadAllBytes(Path.Combine(kit.Models, "scorer", "v1", "weights.bin")));
        var record = ManifestJson.Read<PromotionRecord>(Path.Combine(kit.Models, "scorer", "v2", ModelVersions.PromotionFile), "promotion");
        Assert.False(record.Promoted);

        var (_, list, _) = kit.Cnlp("models", "list", "--models", kit.Models);
        Assert.Contains("* v1       current", list);
        Assert.Contains("  v2       candidate (not promoted)", list);
    }
}
