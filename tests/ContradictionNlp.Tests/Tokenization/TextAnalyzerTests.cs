using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Tokenization;

public class TextAnalyzerTests
{
    [Fact]
    public void Sentences_partition_the_tokens()
    {
        const string text = "Belarus’s minister said: \u201CWe won't fight.\u201D Mr. Aleinik spoke on Sep.27.\n\nNew paragraph here";
        var result = new TextAnalyzer().Analyze(text);
        Assert.Equal(3, result.Sentences.Count);
        int next = 0;
        foreach (var s in result.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.True(s.TokenCount > 0);
            Assert.Equal(result.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(result.Tokens[s.EndToken - 1].End, s.End);
            next = s.EndToken;
        }
        Assert.Equal(result.Tokens.Count, next);
        Assert.Equal("New paragraph here", result.Sentences[2].Span.Of(text));
        Assert.Equal(2, result.SentenceAt(text.IndexOf("paragraph", StringComparison.Ordinal)));
    }

    /// <summary>A splitter that cuts mid-word, to check that the analyzer snaps it to whole tokens.</summary>
    private sealed class CutsMidWord : ISentenceSplitter
    {
        public TextSpan[] Split(string text) => [new TextSpan(0, 7), new TextSpan(7, text.Length)];
    }

    [Fact]
    public void A_foreign_splitter_is_snapped_to_whole_tokens()
    {
        const string text = "Ukraine war";
        var result = new TextAnalyzer(splitter: new CutsMidWord()).Analyze(text);
        // "Ukraine" ends at 7 exactly; a cut at 4 ("Ukra|ine") would be moved.
        Assert.Equal(2, result.Sentences.Count);
        var bad = new TextAnalyzer(splitter: new FixedSplit(4)).Analyze(text);
        Assert.Equal(2, bad.Sentences.Count);
        Assert.Equal(new Sentence(0, 7, 0, 1), bad.Sentences[0]);
        Assert.Equal(new Sentence(8, 11, 1, 2), bad.Sentences[1]);
    }

    private sealed class FixedSplit(int at) : ISentenceSplitter
    {
        public TextSpan[] Split(string text) => [new TextSpan(0, at), new TextSpan(at, text.Length)];
    }
}
