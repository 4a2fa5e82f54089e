using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

public class LexiconTests
{
    private static readonly Lexicon Small = new([("win", "lose"), ("increase", "decrease")], new Dictionary<string, string> { ["won"] = "win" });

    [Theory]
    [InlineData("win", "lose", true)]
    [InlineData("lose", "win", true)]        // symmetric
    [InlineData("won", "losing", true)]      // irregular form + regular suffix
    [InlineData("increases", "decreased", true)]
    [InlineData("win", "win", false)]
    [InlineData("win", "decrease", false)]
    [InlineData("winner", "loser", false)]   // derivations are not inflections
    public void Antonyms_are_found_through_inflections(string a, string b, bool expected) =>
        Assert.Equal(expected, Small.AreAntonyms(a, b));

    private static readonly Lexicon Taxonomy = new(Array.Empty<(string, string)>(), new Dictionary<string, string> { ["mice"] = "mouse" },
    [
        ("poodle", ["pudel"], [("dog", 1), ("animal", 3)]),
        ("dog", [], [("canine", 1), ("animal", 2)]),
        ("cat", [], [("feline", 1), ("animal", 2)]),
        ("mouse", [], [("rodent", 1), ("animal", 3)]),
    ]);

    [Theory]
    [InlineData("poodle", "dog", 1)]
    [InlineData("poodles", "animals", 3)]   // plural on both sides
    [InlineData("poodle", "pudel", 0)]      // synonym
    [InlineData("dog", "poodle", -1)]       // the other direction is not a generalisation
    [InlineData("mice", "rodent", 1)]       // irregular plural
    [InlineData("dog", "cat", -1)]
    public void Generalises_follows_hypernyms_upwards(string specific, string general, int expected) =>
        Assert.Equal(expected, Taxonomy.Generalises(specific, general));

    [Fact]
    public void Cohyponyms_share_a_close_hypernym()
    {
        Assert.True(Taxonomy.AreCohyponyms("dog", "cat", 2));
        Assert.False(Taxonomy.AreCohyponyms("dog", "mouse", 2));  // common "animal" only at depth 3 for mouse
        Assert.True(Taxonomy.AreCohyponyms("dog", "mouse", 3));
        Assert.False(Taxonomy.AreCohyponyms("poodle", "dog", 4)); // one generalises the other
    }

    [Fact]
    public void Direct_antonyms_win_over_indirect_ones()
    {
        var lex = new Lexicon([("wet", "dry", true), ("soaked", "dry", false)], new Dictionary<string, string>());
        Assert.Equal(AntonymKind.Direct, lex.Antonymy("wet", "dry"));
        Assert.Equal(AntonymKind.Indirect, lex.Antonymy("dry", "soaked"));
        Assert.Equal(AntonymKind.None, lex.Antonymy("wet", "soaked"));
    }

    [Fact]
    public void Shipped_lexicon_has_common_pairs()
    {
        var lex = ShippedModels.Catalog.LoadLexicon();
        Assert.True(lex.AreAntonyms("hot", "cold"));
        Assert.True(lex.AreAntonyms("increased", "decreased"));
        Assert.False(lex.AreAntonyms("guitar", "piano"));
        Assert.True(lex.Generalises("dog", "animal") > 0);
        Assert.Equal(-1, lex.Generalises("animal", "dog"));
    }
}
