using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

/// <summary>Runs the tokenizer and the sentence splitter and ties tokens to sentences.</summary>
/// <remarks>
/// Guarantee: sentences never cut a token, and every token lies in exactly one sentence. With the
/// default <see cref="SentenceSplitter"/> the text is tokenized once and the splitter decides between
/// tokens. A foreign splitter's spans are snapped outwards to whole tokens (a token belongs to the
/// sentence where it starts).
/// </remarks>
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
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _tokenizer.Tokenize(text);
        var sentences = _splitter is SentenceSplitter ours
            ? ours.SplitTokens(text, tokens)
            : Snap(tokens, _splitter.Split(text));
        return new TokenizedText(text, tokens, sentences);
    }

    private static Sentence[] Snap(Token[] tokens, TextSpan[] spans)
    {
        var sentences = new List<Sentence>(spans.Length);
        int t = 0;
        for (int s = 0; s < spans.Length && t < tokens.Length; s++)
        {
            int first = t;
            bool last = s == spans.Length - 1;
            while (t < tokens.Length && (last || tokens[t].Start < spans[s + 1].Start)) t++;
            if (t == first) continue;
            sentences.Add(new Sentence(tokens[first].Start, tokens[t - 1].End, first, t));
        }
        if (sentences.Count == 0 && tokens.Length > 0)
            return [new Sentence(tokens[0].Start, tokens[^1].End, 0, tokens.Length)];
        if (t < tokens.Length)
        {
            // Tokens after the last span (a splitter that dropped trailing text) join the last sentence.
            var lastSentence = sentences[^1];
            sentences[^1] = lastSentence with { End = tokens[^1].End, EndToken = tokens.Length };
        }
        return sentences.ToArray();
    }
}
