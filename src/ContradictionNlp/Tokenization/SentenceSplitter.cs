using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

/// <summary>
/// FIRST DRAFT (skeleton): ends a sentence at . ! ? followed by whitespace, and at blank lines.
/// To be replaced by the golden-rule splitter; the signature stays.
/// </summary>
public sealed class SentenceSplitter : ISentenceSplitter
{
    public TextSpan[] Split(string text)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool end = (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
                       || (text[i] == '\n' && i + 1 < text.Length && text[i + 1] == '\n');
            if (end) { Add(text, start, i + 1, spans); start = i + 1; }
        }
        Add(text, start, text.Length, spans);
        return spans.ToArray();
    }

    private static void Add(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end));
    }
}
