using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

/// <summary>Splits text into tokens with half-open offsets into the original string.</summary>
public interface ITokenizer
{
    Token[] Tokenize(string text);
}

/// <summary>Splits text into sentence spans (trimmed of surrounding whitespace).</summary>
public interface ISentenceSplitter
{
    TextSpan[] Split(string text);
}
