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

    // Round 29: same-speaker rows. Two claims by Ann Reyes on property taxes, one by Tom Okafor on them, and one by Reyes
    // on something else; the test's topic test is "both mention taxes".
    private static readonly Article[] TaxArticle =
    [
        Article.Create("T", null, null, null,
            "Ann Reyes said the city will not raise property taxes next year. " +
            "Reyes said property taxes will pay for three new schools in the city. " +
            "Tom Okafor said property taxes in the city are far too high for families. " +
            "Reyes said the football team would play its home games at the old stadium.", "t/1.txt"),
    ];

    private static bool BothOnTaxes(string a, string b) => a.Contains("taxes", StringComparison.Ordinal) && b.Contains("taxes", StringComparison.Ordinal);

    [Fact]
    public void Same_speaker_rows_pair_one_speakers_claims_on_one_topic_as_neutral()
    {
        var o = new SyntheticOptions { ClaimFraction = 1.0, SameSpeakerPerClaim = 2, Related = BothOnTaxes };
        var rows = SyntheticPairs.Generate(TaxArticle, Lex, o);
        var same = Assert.Single(rows, r => r.Source == "synthetic-same-speaker");
        Assert.Equal(2, same.Label);
        Assert.Equal("syn:t/1.txt#s0", same.Id);
        Assert.Equal(
            ["property taxes will pay for three new schools in the city", "the city will not raise property taxes next year"],
            new[] { same.Premise, same.Hypothesis }.Order(StringComparer.Ordinal));
        // Without them the other rows are what they were, in the same order: scorers up to v5 rebuild the same rows.
        var without = SyntheticPairs.Generate(TaxArticle, Lex, o with { SameSpeakerPerClaim = 0 });
        Assert.Equal(SyntheticPairs.Sha256(without), SyntheticPairs.Sha256(rows.Where(r => r.Source != "synthetic-same-speaker")));
        Assert.DoesNotContain(without, r => r.Source == "synthetic-same-speaker");
    }

    [Fact]
    public void Same_speaker_rows_skip_restatements_and_unrelated_claims()
    {
        var none = SyntheticPairs.Generate(TaxArticle, Lex, new SyntheticOptions { ClaimFraction = 1.0, SameSpeakerPerClaim = 2, Related = (_, _) => false });
        Assert.DoesNotContain(none, r => r.Source == "synthetic-same-speaker");
        var restated = new[]
        {
            Article.Create("R", null, null, null,
                "Ann Reyes said the city will not raise property taxes next year. " +
                "Reyes said the city will not raise property taxes next year or the year after.", "r/1.txt"),
        };
        var rows = SyntheticPairs.Generate(restated, Lex, new SyntheticOptions { ClaimFraction = 1.0, SameSpeakerPerClaim = 2, Related = BothOnTaxes });
        Assert.DoesNotContain(rows, r => r.Source == "synthetic-same-speaker");
    }

    [Fact]
    public void Same_speaker_rows_need_a_topic_test()
    {
        var ex = Assert.Throws<ArgumentException>(() => SyntheticPairs.Generate(TaxArticle, Lex, new SyntheticOptions { SameSpeakerPerClaim = 1 }));
        Assert.StartsWith("SameSpeakerPerClaim needs a Related test.", ex.Message);
    }

    [Theory]
    // Origins written before rule sets were named (scorers v4, v5) mean the oldest rule set.
    [InlineData("synthetic:../data/bbc-news seed=42", "../data/bbc-news", 42, 0, 28)]
    [InlineData("synthetic:../data/bbc-news seed=7 same-speaker=2", "../data/bbc-news", 7, 2, 28)]
    [InlineData("synthetic:../data/bbc-news seed=42 rules=29", "../data/bbc-news", 42, 0, 29)]
    [InlineData("synthetic:../data/bbc-news seed=1 same-speaker=1 rules=29", "../data/bbc-news", 1, 1, 29)]
    public void An_origin_names_its_folder_seed_same_speaker_rows_and_rule_set(string origin, string folder, int seed, int sameSpeaker, int rules)
    {
        var expected = new SyntheticOrigin(folder, seed, sameSpeaker, rules);
        Assert.Equal(expected, SyntheticPairs.ParseOrigin(origin));
        Assert.Equal(origin, SyntheticPairs.OriginOf(expected));
    }

    [Theory]
    [InlineData("sick/train.tsv.gz")]
    [InlineData("synthetic:../data/bbc-news")]
    [InlineData("synthetic:../data/bbc-news seed=42 same-speaker=0")]
    [InlineData("synthetic:../data/bbc-news seed=42 same-speaker=two")]
    // A rule set this code cannot run.
    [InlineData("synthetic:../data/bbc-news seed=42 rules=27")]
    [InlineData("synthetic:../data/bbc-news seed=42 rules=30")]
    public void Other_texts_are_no_origin(string text) => Assert.Null(SyntheticPairs.ParseOrigin(text));

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
        var origin = SyntheticPairs.ParseOrigin(entry.File)!;
        Assert.Equal("../shared/data/bbc-news", origin.Folder);
        var trainRows = SyntheticPairs.FromFolder(origin with { Folder = TestPaths.SharedData("bbc-news") }, ShippedModels.Catalog).TrainRows();
        Assert.Equal(entry.Rows, trainRows.Count);
        Assert.Equal(entry.Sha256, SyntheticPairs.Sha256(trainRows));
    }
}
