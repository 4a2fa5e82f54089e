using ContradictionNlp.Ingestion;
using ContradictionNlp.Scoring;
using ContradictionNlp.Training;
using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Training;

public class SyntheticPairsTests
{
    private static readonly Lexicon Lex = new([("safe", "dangerous", true)], new Dictionary<string, string>());

    [Fact]
    public void Negation_is_removed_after_an_auxiliary_and_contracted_modals_are_restored()
    {
        var e = SyntheticPairs.Contradict("the city will not raise property taxes", Lexicon.Empty, new Random(1));
        Assert.Equal(("the city will raise property taxes", "negation-removed"), (e!.Text, e.Kind));
    }

    [Fact]
    public void Antonym_swap_and_number_change_are_among_the_edits()
    {
        var kinds = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var e = SyntheticPairs.Contradict("the plant is safe and has 120 staff", Lex, new Random(seed))!;
            kinds.Add(e.Kind);
            if (e.Kind == "antonym") Assert.Equal("the plant is dangerous and has 120 staff", e.Text);
            if (e.Kind == "number") Assert.DoesNotContain(" 120 ", e.Text);
            if (e.Kind == "negation-inserted") Assert.Equal("the plant is not safe and has 120 staff", e.Text);
        }
        Assert.Equal(["antonym", "negation-inserted", "number"], kinds.Order());
    }

    [Fact]
    public void Shorten_drops_the_last_trailing_phrase_keeping_four_words()
    {
        Assert.Equal("the bridge will reopen next spring", SyntheticPairs.Shorten("the bridge will reopen next spring after the repairs"));
        Assert.Null(SyntheticPairs.Shorten("it will reopen in May"));
    }

    [Fact]
    public void Generation_is_deterministic_and_labels_every_row_synthetic()
    {
        var articles = new[]
        {
            Article.Create("A", null, null, null, "The mayor said the city will not raise property taxes next year. Reyes said the new budget is safe for schools in the town.", "a/1.txt"),
            Article.Create("B", null, null, null, "The minister said the reactor plant is safe after the inspections in March. She said 40 jobs would be created at the plant.", "b/2.txt"),
        };
        var o = new SyntheticOptions { ClaimFraction = 1.0 };
        var first = SyntheticPairs.Generate(articles, Lex, o);
        var second = SyntheticPairs.Generate(articles.Reverse(), Lex, o);
        Assert.NotEmpty(first);
        Assert.Equal(SyntheticPairs.Sha256(first), SyntheticPairs.Sha256(second));
        Assert.All(first, r => Assert.StartsWith("synthetic-", r.Source));
        Assert.Contains(first, r => r.Label == 0);
        Assert.Contains(first, r => r.Label == 2 && r.Source == "synthetic-unrelated-article");
        Assert.NotEqual(SyntheticPairs.Sha256(first), SyntheticPairs.Sha256(SyntheticPairs.Generate(articles, Lex, o with { Seed = 7 })));
    }
}

/// <summary>
/// The shipped scorer's synthetic rows are made by our own claim extractor from BBC News, so any change to the extractor
/// can change them, and `scripts/build-models.sh` would then no longer give the shipped weights (v4 went stale that way
/// unnoticed for rounds 7-27). This makes the rows again with this code and compares them with the manifest's hash, so the
/// next such change fails here: retrain the scorer (and measure it) or keep the extractor as it was. Skipped without ../shared.
/// </summary>
public class ShippedScorerSyntheticRowsTests
{
    [Fact]
    public void The_current_scorer_was_trained_on_the_synthetic_rows_this_code_makes()
    {
        if (!TestPaths.HasShared("data", "bbc-news")) return;
        var folder = ShippedModels.Catalog.CurrentScorerDirectory();
        var manifest = ManifestJson.Read<ScorerManifest>(Path.Combine(folder, "manifest.json"), ScorerManifest.KindName);
        var entry = Assert.Single(manifest.Data, d => d.Split == "synthetic-train");
        var (shippedFolder, seed) = SyntheticPairs.ParseOrigin(entry.File)!.Value;
        Assert.Equal("../shared/data/bbc-news", shippedFolder);
        var trainRows = SyntheticPairs.FromFolder(TestPaths.SharedData("bbc-news"), ShippedModels.Catalog.LoadLexicon(), seed).TrainRows();
        Assert.Equal(entry.Rows, trainRows.Count);
        Assert.Equal(entry.Sha256, SyntheticPairs.Sha256(trainRows));
    }
}
