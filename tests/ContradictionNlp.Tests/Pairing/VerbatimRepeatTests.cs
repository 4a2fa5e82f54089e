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

    // Round 25: one content's words said again inside the other's.
    [Theory]
    [InlineData("taxes will rise", "taxes will rise again")]                                    // more words after
    [InlineData("the number of blogs in existence", "the number of blogs in existence has exceeded 4.8 million")]
    [InlineData("Palestinian leaders were busy", "he had not seen a step - though he acknowledged Palestinian leaders were busy")] // "not" 4 words before the run
    [InlineData("Mr Ebbers", "Mr Ebbers refused to stop the fraud")]
    [InlineData("“not in my mind right now”", "thoughts of quitting are \"not in my mind right now\"")] // the part's own "not" is no turn
    [InlineData("it costs 10", "so it costs 10, she said, and it costs 10 if we wait")]         // the second run is turned, the first is not
    [InlineData("Ça coûte 10", "ÇA coûte 10 euros")]
    public void Words_said_again_inside_a_longer_content_are_part_of_it(string part, string whole)
    {
        Assert.True(VerbatimRepeat.PartOf(part, whole));
        Assert.False(VerbatimRepeat.PartOf(whole, part));
        Assert.True(VerbatimRepeat.Repeats(part, whole));
        Assert.True(VerbatimRepeat.Repeats(whole, part));
    }

    [Theory]
    [InlineData("taxes will rise", "it is not true that taxes will rise")]       // negation 3 words before the run
    [InlineData("taxes will rise", "she denied taxes will rise")]                // denial right before
    [InlineData("taxes will rise", "nobody believes taxes will rise")]
    [InlineData("taxes will rise", "taxes will rise no further")]                // negation right after
    [InlineData("taxes will rise", "taxes will rise only slightly")]              // restriction after
    [InlineData("taxes will rise", "taxes will rise if we lose")]                 // condition after
    [InlineData("taxes will rise", "taxes won’t rise")]                           // not the same words: "won", "t"
    [InlineData("taxes will rise", "taxes will not rise")]                        // not contiguous
    [InlineData("taxes will rise", "will taxes rise")]                            // not in order
    [InlineData("the plant is safe", "the plants is safe again")]                 // a word longer
    [InlineData("rise", "sunrise today")]                                         // inside a word is no word
    [InlineData("", "taxes will rise")]                                           // no words: nothing is repeated
    [InlineData("taxes will rise again and again", "taxes will rise")]            // the part is the longer one
    public void Turned_reordered_or_longer_words_are_not_part_of_the_whole(string part, string whole) =>
        Assert.False(VerbatimRepeat.PartOf(part, whole));

    [Fact]
    public void Long_contents_use_pooled_bounds_and_give_the_same_answer()
    {
        // Past the stack buffers (256 and 512 ints): a run near the end of a 3,000-character whole.
        var filler = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"w{i}"));
        var part = "the plant is safe " + string.Join(' ', Enumerable.Range(0, 100).Select(i => $"p{i}"));
        Assert.True(part.Length > 256);
        Assert.True(VerbatimRepeat.PartOf(part, filler + " " + part + " again"));
        Assert.False(VerbatimRepeat.PartOf(part, filler + " not " + part));
        Assert.False(VerbatimRepeat.PartOf(part + " x", filler + " " + part));
    }

    [Fact]
    public void The_pipelines_hashed_finder_answers_as_the_character_walk_does()
    {
        // Every pair of these texts, both ways: repeats, parts, turned parts, other words, empty, case and punctuation.
        string[] texts =
        [
            "taxes will rise", "Taxes, will RISE!", "taxes will rise again", "it is not true that taxes will rise",
            "taxes will rise if we lose", "taxes will not rise", "will taxes rise", "", "...", "rise", "sunrise today",
            "so it costs 10, she said, and it costs 10 if we wait", "it costs 10", "Ça coûte 10", "ÇA coûte 10 euros",
            "Mr Ebbers", "Mr Ebbers refused to stop the fraud", "“not in my mind right now”", "thoughts are \"not in my mind right now\"",
        ];
        var finder = new RepeatFinder { MaxEntries = 5 }; // small, so the cache also starts over during the test
        foreach (var a in texts)
            foreach (var b in texts)
            {
                // Fresh string instances too: the cache is by reference, so equal texts must not share an answer by accident.
                var expected = VerbatimRepeat.Repeats(a.AsSpan(), b.AsSpan());
                Assert.True(expected == finder.Repeats(a, b), $"'{a}' / '{b}'");
                Assert.True(expected == finder.Repeats(new string(a.AsSpan()), new string(b.AsSpan())), $"'{a}' / '{b}' (copies)");
            }
    }
}
