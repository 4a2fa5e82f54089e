using ContradictionNlp.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>Featurizer version 3: the clause-subject cue, negation scope and aligned-pair relations, on hand-made pairs.</summary>
public class ScorerV3FeatureTests
{
    private static PairFeaturizer F(int version = PairFeaturizer.Version) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1024, version);

    private static float Feature(PairFeatures f, string name) => f.Dense[Array.IndexOf(PairFeaturizer.FeatureNames, name)];

    [Fact]
    public void Same_head_with_different_nationalities_is_a_subject_reason_over_both_subjects()
    {
        const string a = "some Russian soldiers entered the country from Belarusian land";
        const string b = "no Belarusian soldiers were involved";
        var f = F().Featurize(a, b);
        var r = Assert.Single(f.Reasons, r => r.Kind == "subject");
        Assert.Equal("'russian', 'soldiers' vs 'belarusian', 'soldiers': different subjects ('russian' vs 'belarusian')", r.Message);
        Assert.Equal(["Russian", "soldiers"], r.SpansA.Select(s => s.Of(a)));
        Assert.Equal(["Belarusian", "soldiers"], r.SpansB.Select(s => s.Of(b)));
        Assert.Equal(1f, Feature(f, "subject_differs"));
    }

    [Theory]
    // Same subject: the contradiction is about one actor.
    [InlineData("some Russian soldiers entered the country", "no Russian soldiers entered the country")]
    // One subject only adds a modifier: the same actor, named more precisely.
    [InlineData("the new packaging plant will create 120 jobs", "the packaging plant will create 40 jobs")]
    // The subject of one is the object of the other (planted sample 1): roles, not different actors.
    [InlineData("the city will not raise property taxes next year", "property taxes will rise next year")]
    // Capitals at the very start of a text are sentence case, not names.
    [InlineData("Local soldiers were involved", "Foreign soldiers were involved")]
    public void No_subject_reason_when_the_actor_is_the_same(string a, string b)
    {
        var f = F().Featurize(a, b);
        Assert.DoesNotContain(f.Reasons, r => r.Kind == "subject");
        Assert.Equal(0f, Feature(f, "subject_differs"));
    }

    [Fact]
    public void Negation_scope_counts_the_negated_words_the_other_text_covers()
    {
        // "girl", "playing", "violin", "beach": only "girl" is in the other text.
        var off = F().Featurize("a girl is sitting on the couch", "there is no girl playing the violin on a beach");
        Assert.Equal(0.25f, Feature(off, "neg_scope_covered"), 3);
        // Every negated word is covered: the negation is about what the other text says.
        var on = F().Featurize("a girl is playing the violin", "no girl is playing the violin");
        Assert.Equal(1f, Feature(on, "neg_scope_covered"));
        Assert.Equal(0f, Feature(on, "neg_scope_uncovered"));
        // No polarity mismatch: both scope features stay 0.
        var none = F().Featurize("a girl is playing the violin", "a girl is playing the piano");
        Assert.Equal(0f, Feature(none, "neg_scope_covered"));
        Assert.Equal(0f, Feature(none, "neg_scope_uncovered"));
    }

    [Fact]
    public void Older_featurizer_versions_fill_only_their_own_features()
    {
        Assert.Equal(44, F(2).Featurize("a man plays a guitar", "a man plays a piano").Dense.Length);
        Assert.Equal(36, F(1).Featurize("a man plays a guitar", "a man plays a piano").Dense.Length);
        Assert.Equal(53, F(3).Featurize("a man plays a guitar", "a man plays a piano").Dense.Length);
        // Version 2 keeps its own (disjoint-subject) rule and never reports the version-3 modifier cue.
        Assert.DoesNotContain(F(2).Featurize("some Russian soldiers entered the country from Belarusian land", "no Belarusian soldiers were involved").Reasons,
            r => r.Kind == "subject");
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    [InlineData("v3")]
    [InlineData("v4")]
    public void Each_shipped_version_still_scores_SICK_trial_as_its_manifest_says(string version)
    {
        // Featurizer versions only ever append: an older model must see exactly the features it was trained on.
        if (!TestPaths.HasShared("data", "sick", "trial.tsv.gz")) return; // data not present here: nothing to compare
        var folder = Path.Combine(ShippedModels.Catalog.ScorerDirectory, version);
        var scorer = ShippedModels.Catalog.LoadScorer(folder);
        var manifest = ManifestJson.Read<ScorerManifest>(Path.Combine(folder, "manifest.json"), ScorerManifest.KindName);
        var recorded = Assert.Single(manifest.Dev, d => d.Data.EndsWith("sick/trial.tsv.gz", StringComparison.Ordinal));
        var rows = NliTsvReader.Read(new DataSpec(TestPaths.SharedData("sick", "trial.tsv.gz"), DataSplit.All), new DiagnosticBag());
        var m = ScorerTraining.Evaluate(scorer, rows);
        Assert.Equal(recorded.N, m.N);
        Assert.Equal(recorded.Accuracy, Math.Round(m.Accuracy, 4));
        Assert.Equal(recorded.Ece, Math.Round(m.Ece, 4));
    }
}
