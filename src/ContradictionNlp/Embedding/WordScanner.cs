using ContradictionNlp.Text;

namespace ContradictionNlp.Embedding;

/// <summary>
/// Splits text into the word tokens GloVe 6B knows (it was built from Stanford-tokenised text):
/// letter/digit runs, numbers with inner ',' or '.', clitics split off ("doesn't" -> "does" + "n't",
/// "he's" -> "he" + "'s"). Punctuation yields no token: neither the embedder nor the scorer uses it.
/// Works on already PTB-tokenised text too ("does n't"). Own, small and stable on purpose, so a
/// trained model does not shift when the pipeline tokenizer changes.
/// </summary>
public static class WordScanner
{
    public static List<TextSpan> Scan(ReadOnlySpan<char> text)
    {
        var list = new List<TextSpan>();
        Scan(text, list);
        return list;
    }

    public static void Scan(ReadOnlySpan<char> text, List<TextSpan> output)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                // PTB-split clitic standing alone: "'s", "'re".
                var e = i + 1;
                while (e < text.Length && char.IsLetter(text[e])) e++;
                output.Add(new TextSpan(i, e));
                i = e;
                continue;
            }
            if (!char.IsLetterOrDigit(c)) { i++; continue; }
            var start = i;
            var end = i + 1;
            while (end < text.Length)
            {
                var d = text[end];
                if (char.IsLetterOrDigit(d)) { end++; continue; }
                // 1,500 and 3.5 stay one number.
                if ((d == ',' || d == '.') && char.IsDigit(text[end - 1]) && end + 1 < text.Length && char.IsDigit(text[end + 1])) { end += 2; continue; }
                break;
            }
            // Clitics: "doesn't"/"does n't" -> "does" "n't"; "he's" -> "he" "'s".
            if (end + 1 < text.Length && IsApostrophe(text[end]) && char.IsLetter(text[end + 1]))
            {
                var cEnd = end + 1;
                while (cEnd < text.Length && char.IsLetter(text[cEnd])) cEnd++;
                var clitic = text[(end + 1)..cEnd];
                if ((text[end - 1] == 'n' || text[end - 1] == 'N') && clitic.Equals("t", StringComparison.OrdinalIgnoreCase))
                {
                    if (end - 1 > start) output.Add(new TextSpan(start, end - 1));
                    output.Add(new TextSpan(end - 1, cEnd));
                }
                else
                {
                    output.Add(new TextSpan(start, end));
                    output.Add(new TextSpan(end, cEnd));
                }
                i = cEnd;
                continue;
            }
            output.Add(new TextSpan(start, end));
            i = end;
        }
    }

    private static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';

    /// <summary>Lower-cases <paramref name="word"/> into <paramref name="buffer"/>, mapping the typographic apostrophe to ASCII.</summary>
    public static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = Math.Min(word.Length, buffer.Length);
        for (var k = 0; k < n; k++)
        {
            var c = word[k];
            buffer[k] = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }
        return buffer[..n];
    }
}
