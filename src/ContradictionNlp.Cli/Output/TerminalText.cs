using System.Text;

namespace ContradictionNlp.Cli.Output;

/// <summary>
/// Makes text from articles safe to print on a terminal. Article text is hostile input: an ESC
/// byte in a claim could clear the screen ("\x1b[2J"), retitle the window or hide lines, and
/// bidirectional overrides can make a claim read differently from what is stored. Markup is a
/// separate matter: tables print cells as Spectre <c>Text</c>, never as markup, so "[red]" stays literal.
/// </summary>
public static class TerminalText
{
    /// <summary>
    /// Control characters become their visible Unicode "control picture" (ESC → ␛, NUL → ␀) so
    /// a reader sees that something was there; tab and line breaks become a space (one table
    /// cell, one diagnostic line); C1 controls, bidirectional overrides/isolates and line/paragraph
    /// separators become U+FFFD. Everything else, emoji and right-to-left letters included, is kept.
    /// </summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.Any(NeedsReplacing)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c switch
            {
                '\t' or '\n' or '\r' => ' ',
                < ' ' => (char)(0x2400 + c),
                '\u007f' => '\u2421',
                _ when NeedsReplacing(c) => '\ufffd',
                _ => c,
            });
        return sb.ToString();
    }

    private static bool NeedsReplacing(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
        || c is '\u2028' or '\u2029';
}
