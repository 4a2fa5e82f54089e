using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Retrain;

/// <summary>
/// Retraining from reviews keeps the current model's class reweighting (<c>class_balance</c>, scorer v4 on): the
/// candidate should differ from the current model by the reviews, not by how the base rows are weighted.
/// Skipped (returns) when ../shared is absent.
/// </summary>
public class RetrainClassBalanceTests
{
    [Fact]
    public void A_retrained_candidate_records_the_base_models_class_balance()
    {
        if (!RetrainScenarioKit.HasData) return;
        using var kit = new RetrainScenarioKit();
        // The kit pins v1 (no class balance); mark its recipe as class-balanced, as v4's manifest is.
        var manifestPath = Path.Combine(kit.Models, "scorer", "v1", "manifest.json");
        var text = File.ReadAllText(manifestPath);
        Assert.DoesNotContain("class_balance", text);
        File.WriteAllText(manifestPath, text.Replace("\"options\": {", "\"options\": {\n    \"class_balance\": 1,", StringComparison.Ordinal));
        kit.Analyze();
        kit.ApplyReviews(Path.Combine(RetrainScenarioKit.ScenarioDir, "reviews.tsv"));
        var (code, _, err) = kit.Cnlp("train", "scorer", "--with-reviews", "--db", kit.Db, "--models", kit.Models,
            "--data", RetrainScenarioKit.SickTrain, RetrainScenarioKit.SnliDev + "@train",
            "--dev", RetrainScenarioKit.SickTrial, "--sobriety-corpus", RetrainScenarioKit.PolnearDev, "--version-name", "vcb");
        Assert.True(code is 0 or 1, err); // promoted or refused, the candidate folder is written either way
        var candidate = ManifestJson.Read<ScorerManifest>(Path.Combine(kit.Models, "scorer", "vcb", "manifest.json"), ScorerManifest.KindName);
        Assert.Equal(1, candidate.Options.ClassBalance);
    }
}
