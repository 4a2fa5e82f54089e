using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

/// <summary>Runs the tokenizer and the sentence splitter and ties tokens to sentences.</summary>
public sealed class TextAnalyzer
{
    private readonly ITokenizer _tokenizer;
    private readonly ISentenceSplitter _splitter;

    public TextAnalyzer(ITokenizer? tokenizer = null, ISentenceSplitter? splitter = null)
    {
        _tokenizer = tokenizer ?? new Tokenizer();
        _splitter = splitter ?? new SentenceSplitter();
    }

    public TokenizedText Analyze(string text)
    {
        var tokens = _tokenizer.Tokenize(text);
        var spans = _splitter.Split(text);
        var sentences = new Sentence[spans.Length];
        int t = 0;
        for (int s = 0; s < spans.Length; s++)
        {
            // Tokens that straddle a boundary belong to the sentence where they start.
            while (t < tokens.Length && tokens[t].Start < spans[s].Start) t++;
            int first = t;
            while (t < tokens.Length && tokens[t].Start < spans[s].End) t++;
            sentences[s] = new Sentence(spans[s].Start, spans[s].End, first, t);
        }
        return new TokenizedText(text, tokens, sentences);
    }
}
