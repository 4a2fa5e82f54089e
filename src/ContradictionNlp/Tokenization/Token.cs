using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    /// <summary>A quotation mark: straight or curly, single or double. Whether it opens or closes is decided by the consumer.</summary>
    Quote,
    Symbol,
    Url,
}

/// <summary>A token: half-open character span into the tokenized text, plus a coarse kind. Text is read through the span.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextSpan Span => new(Start, End);
    public int Length => End - Start;
}

/// <summary>A sentence: its character span and its tokens as the half-open index range <c>[FirstToken, EndToken)</c>.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int EndToken)
{
    public TextSpan Span => new(Start, End);
    public int TokenCount => EndToken - FirstToken;
}
