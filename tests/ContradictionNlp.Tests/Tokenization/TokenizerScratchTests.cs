using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tokenization;

/// <summary>
/// ALLOC12: the tokenizer scans into a per-thread working array kept across calls (not zeroed, kept only up to
/// 64k tokens). A call after a longer, a shorter or an over-size text must return exactly what a first call returns.
/// </summary>
public class TokenizerScratchTests
{
    [Fact]
    public void Tokens_do_not_depend_on_what_was_tokenized_before_on_the_thread()
    {
        var small = "Mr. Smith said, \"We won't go.\"";
        var medium = string.Join(" ", Enumerable.Repeat("The 1,500 U.S. troops' don't-stop plan, e.g. at 7:05.", 200));
        // ~9 tokens per repeat: over 64k tokens, so its working array is not kept.
        var huge = string.Join(" ", Enumerable.Repeat("It rose 3.5 % to $ 150 , she said .", 8_000));
        var expected = new[] { small, medium, huge }.Select(t => new Tokenizer().Tokenize(t).ToArray()).ToArray();
        var tokenizer = new Tokenizer();
        foreach (var order in new[] { new[] { 2, 0, 1, 0 }, new[] { 1, 0, 2, 1 }, new[] { 0, 0, 2, 2 } })
            foreach (var i in order)
                Assert.Equal(expected[i], tokenizer.Tokenize(new[] { small, medium, huge }[i]));
        Assert.True(expected[2].Length > 1 << 16);
        Assert.Equal(new Token(0, 3, TokenKind.Word), expected[0][0]);
    }
}
