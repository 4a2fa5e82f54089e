namespace ContradictionNlp.Tokenization;

/// <summary>
/// FIRST DRAFT (skeleton): splits on whitespace and peels punctuation. To be replaced by the full
/// rule tokenizer (quotes, contractions, abbreviations, URLs); the signature stays.
/// </summary>
public sealed class Tokenizer : ITokenizer
{
    public Token[] Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-')) i++;
                tokens.Add(new Token(start, i, char.IsDigit(c) ? TokenKind.Number : TokenKind.Word));
            }
            else
            {
                i++;
                var kind = c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' ? TokenKind.Quote
                    : char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                tokens.Add(new Token(start, i, kind));
            }
        }
        return tokens.ToArray();
    }
}
