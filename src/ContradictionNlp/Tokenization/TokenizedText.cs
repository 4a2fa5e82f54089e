using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

/// <summary>The output of tokenization: the original text, its tokens and its sentences. Immutable.</summary>
public sealed class TokenizedText
{
    private readonly Token[] _tokens;
    private readonly Sentence[] _sentences;

    public TokenizedText(string text, Token[] tokens, Sentence[] sentences)
    {
        Text = text;
        _tokens = tokens;
        _sentences = sentences;
    }

    public string Text { get; }
    public IReadOnlyList<Token> Tokens => _tokens;
    public IReadOnlyList<Sentence> Sentences => _sentences;
    public ReadOnlySpan<Token> TokenSpan => _tokens;

    public string TokenText(int index) => _tokens[index].Span.Of(Text);
    public ReadOnlySpan<char> TokenChars(int index) => _tokens[index].Span.Slice(Text);

    public ReadOnlySpan<Token> SentenceTokens(int sentenceIndex)
    {
        var s = _sentences[sentenceIndex];
        return _tokens.AsSpan(s.FirstToken, s.TokenCount);
    }

    /// <summary>Index of the sentence containing the character position, or -1.</summary>
    public int SentenceAt(int position)
    {
        int lo = 0, hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (position < _sentences[mid].Start) hi = mid - 1;
            else if (position >= _sentences[mid].End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
