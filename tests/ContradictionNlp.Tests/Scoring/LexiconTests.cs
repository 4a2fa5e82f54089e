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

    [Fact]
    public void Shipped_lexicon_has_common_pairs()
    {
        var lex = ShippedModels.Catalog.LoadLexicon();
        Assert.True(lex.AreAntonyms("hot", "cold"));
        Assert.True(lex.AreAntonyms("increased", "decreased"));
        Assert.False(lex.AreAntonyms("guitar", "piano"));
    }
}
