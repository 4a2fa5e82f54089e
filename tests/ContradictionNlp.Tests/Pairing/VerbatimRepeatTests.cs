using ContradictionNlp.Pairing;

namespace ContradictionNlp.Tests.Pairing;

public class VerbatimRepeatTests
{
    [Theory]
    [InlineData("Taxes will not rise.", "taxes will not rise")]            // case and final punctuation
    [InlineData("“the plant is safe,”", "the  plant is safe")]              // quotes, comma, spacing
    [InlineData("we will act … now", "we will act now")]                    // a gapped content's joiner
    [InlineData("", "...")]                                                // no words on either side
    [InlineData("Ça coûte 10 euros", "ça COÛTE 10 euros!")]                 // non-ASCII letters, digits
    public void Same_words_in_the_same_order_are_a_repeat(string a, string b)
    {
        Assert.True(VerbatimRepeat.SameWords(a, b));
        Assert.True(VerbatimRepeat.SameWords(b, a));
    }

    [Theory]
    [InlineData("taxes will not rise", "taxes will rise")]                 // a word less
    [InlineData("taxes will rise", "taxes will rise again")]               // a word more at the end
    [InlineData("taxes will rise", "will taxes rise")]                     // other order
    [InlineData("the plant is safe", "the plants is safe")]                // a word longer
    [InlineData("the plantis safe", "the plant is safe")]                  // words joined
    [InlineData("it costs 10", "it costs 100")]                            // other number
    [InlineData("", "word")]
    public void Other_words_are_not_a_repeat(string a, string b)
    {
        Assert.False(VerbatimRepeat.SameWords(a, b));
        Assert.False(VerbatimRepeat.SameWords(b, a));
    }
}
