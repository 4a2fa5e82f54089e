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
         "--dev", RetrainScenarioKit.SickTrial, RetrainScenarioKit.SnliDev + "@heldout",
         "--sobriety-corpus", RetrainScenarioKit.PolnearDev, .. extra];

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
        // Honest reviews agree with v1 on 15 of the 20 pairs it scores confidently; the flag rate on unrelated pairs stays within the margin.
        Assert.Contains("ok: review agreement (n=20 of 32 reviewed pairs scored with P > 0.7) the reviews agree with the current model on 0.7500 (minimum 0.50)", output);
        Assert.Equal(15, record.ReviewAgreement!.Agreed);
        Assert.True(record.Sobriety!.Passed);
        Assert.Equal(0.479, record.Sobriety.BaselineShare);   // PolNeAR dev claims as the round-27 extractor cuts and resolves them (a new population, so a new seeded sample: organisations named with "of"/"for" keep their whole names and are no surnames' speakers, "the Department of Homeland Security" is no longer the State Department, 0.481; then a common word opening a sentence ("Others said") is no speaker, 346 speakers, 0.485; then lower-case words before an organisation are no part of its name ("senior Democrats" is Democrats), 344 speakers, 0.490; then occupations and "rival" are titles ("Rival Hillary Clinton" is Hillary Clinton), 343 speakers; round 24: 0.505, plural party names are no surnames, 347 speakers instead of 346; round 17: 0.487, round 14: 0.481, round 7: 0.483, round 5: 0.444, round 4: 0.471, round 3: 0.476, before: 0.492)

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
    /// A reviewer who flips every verdict to a random other one (seeded). At the default weight 5 the held-out
    /// reviews are flipped too and 26 rows barely move the base dev sets, so those comparisons pass; what the
    /// nonsense does is make the model flag unrelated pairs: the sobriety comparison (same-speaker PolNeAR dev
    /// pairs from different articles, ungated) refuses it.
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(23)]
    public void Nonsense_reviews_at_the_default_weight_are_refused_by_the_sobriety_check(int seed)
    {
        if (!RetrainScenarioKit.HasData) return;
        using var kit = new RetrainScenarioKit();
        kit.Analyze();
        var rng = new Random(seed);
        string[] labels = [Verdicts.Contradiction, Verdicts.NotContradiction, Verdicts.NotContradiction + ":" + Verdicts.EntailmentDetail];
        kit.ApplyReviews(ReviewsTsv, v => v is Verdicts.Skip or Verdicts.BadClaim ? v : labels.Where(l => l != v).ElementAt(rng.Next(2)));
        var weightsBefore = File.ReadAllBytes(Path.Combine(kit.Models, "scorer", "v1", "weights.bin"));

        var (code, output, err) = kit.Cnlp(Retrain(kit));
        Assert.True(code == 0, err);
        Assert.Contains("(weight 5)", output);
        Assert.True(output.Contains("kept v2 as a candidate"), output);
        Assert.Contains("WORSE: review agreement (n=20 of 32 reviewed pairs scored with P > 0.7)", output);
        Assert.Equal("v1", kit.CurrentVersion());
        Assert.Equal(weightsBefore, File.ReadAllBytes(Path.Combine(kit.Models, "scorer", "v1", "weights.bin")));
        var record = ManifestJson.Read<PromotionRecord>(Path.Combine(kit.Models, "scorer", "v2", ModelVersions.PromotionFile), "promotion");
        Assert.False(record.Promoted);
        Assert.NotNull(record.ReviewAgreement);
        Assert.False(record.ReviewAgreement.Passed);
        Assert.Equal(20, record.ReviewAgreement.Confident);
        Assert.True(record.ReviewAgreement.Agreement < 0.5, $"agreement {record.ReviewAgreement.Agreement}");
        // The sobriety comparison is measured and recorded either way (it refuses seeds 7 and 11, not 23).
        Assert.NotNull(record.Sobriety);
        Assert.Equal(1000, record.Sobriety.Pairs);
        Assert.Equal(0.479, record.Sobriety.BaselineShare);   // PolNeAR dev claims as the round-27 extractor cuts and resolves them (a new population, so a new seeded sample: organisations named with "of"/"for" keep their whole names and are no surnames' speakers, "the Department of Homeland Security" is no longer the State Department, 0.481; then a common word opening a sentence ("Others said") is no speaker, 346 speakers, 0.485; then lower-case words before an organisation are no part of its name ("senior Democrats" is Democrats), 344 speakers, 0.490; then occupations and "rival" are titles ("Rival Hillary Clinton" is Hillary Clinton), 343 speakers; round 24: 0.505, plural party names are no surnames, 347 speakers instead of 346; round 17: 0.487, round 14: 0.481, round 7: 0.483, round 5: 0.444, round 4: 0.471, round 3: 0.476, before: 0.492)
        Assert.True(record.Sobriety.CandidateShare > record.Sobriety.BaselineShare);

        var (_, list, _) = kit.Cnlp("models", "list", "--models", kit.Models);
        Assert.Contains("* v1       current", list);
        Assert.Contains("  v2       candidate (not promoted)", list);
    }
}
