using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// The featurizer's co-hyponym count reuses the Generalises results of its "more specific" loop instead of asking
/// Lexicon.AreCohyponyms again (perf). These pairs pin the cases that shortcut must keep: a shared hypernym counts,
/// a synonym with a shared hypernym does not (Generalises = 0), and a word outside the taxonomy never does.
/// </summary>
public class FeaturizerTaxonomyShortcutTests
{
    private static readonly Lexicon Small = new([("win", "lose", true)], new Dictionary<string, string>(),
    [
        ("dog", [], [("canine", 1), ("animal", 2)]),
        ("hound", ["dog"], [("canine", 1), ("animal", 2)]),
        ("cat", [], [("feline", 1), ("animal", 2)]),
    ]);

    private static readonly PairFeaturizer Featurizer = new(ShippedModels.Catalog.LoadSifEmbedder(), Small, 1 << 10);
    private static readonly int Cohyponyms = Array.IndexOf(PairFeaturizer.FeatureNames, "cohyponym_count");

    [Theory]
    [InlineData("The dog barks.", "The cat barks.", 1)]      // animal at depth 2 on both sides
    [InlineData("The dog barks.", "The hound barks.", 0)]    // hound lists dog as a synonym: not co-hyponyms
    [InlineData("The dog barks.", "The wolf barks.", 0)]     // wolf has no taxonomy entry
    [InlineData("The dog and the cat bark.", "The hound barks.", 1)] // dog (a synonym) is passed over, cat then counts
    public void Cohyponym_count_matches_the_lexicon(string premise, string hypothesis, int expected)
    {
        var f = Featurizer.Featurize(premise, hypothesis);
        Assert.Equal(Math.Min(expected, 3) / 3f, f.Dense[Cohyponyms]);
    }

    [Fact]
    public void The_cases_mean_what_they_say_in_the_lexicon()
    {
        Assert.True(Small.AreCohyponyms("dog", "cat", 2));
        Assert.False(Small.AreCohyponyms("dog", "hound", 2));
        Assert.Equal(0, Small.Generalises("hound", "dog"));
        Assert.Equal(-1, Small.Generalises("dog", "hound"));
        Assert.False(Small.InTaxonomy("wolf"));
    }
}
