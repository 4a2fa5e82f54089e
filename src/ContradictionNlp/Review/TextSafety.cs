using System.Text;

namespace ContradictionNlp.Review;

/// <summary>
/// Makes article text safe to put on a terminal: article text is input from the internet, and an
/// escape sequence inside it could recolour, move the cursor, retitle the window or worse.
/// </summary>
public static class TextSafety
{
    /// <summary>
    /// Removes ANSI/VT escape sequences (CSI "ESC [ ... final", OSC "ESC ] ... BEL|ESC \", and
    /// two-character ESC x) and every other control character (C0, DEL, C1, bidi overrides);
    /// line breaks and tabs become single spaces so one claim stays on its lines.
    /// </summary>
    public static string ForTerminal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\u001b' || c == '\u009b' || c == '\u009d')
            {
                i = SkipEscape(text, i);
                continue;
            }
            if (c is '\n' or '\r' or '\t') { sb.Append(' '); continue; }
            if (char.IsControl(c) || IsBidiControl(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // Bidi overrides can make the terminal show text in a different order than it is stored.
    private static bool IsBidiControl(char c) => c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    /// <summary>Index of the last character of the escape sequence starting at <paramref name="i"/>.</summary>
    private static int SkipEscape(string t, int i)
    {
        bool csi, osc;
        int j;
        if (t[i] == '\u009b') { csi = true; osc = false; j = i + 1; }
        else if (t[i] == '\u009d') { csi = false; osc = true; j = i + 1; }
        else
        {
            if (i + 1 >= t.Length) return i;
            char next = t[i + 1];
            csi = next == '[';
            osc = next is ']' or 'P' or '_' or '^'; // OSC, DCS, APC, PM: all end with BEL or ST
            if (!csi && !osc) return i + 1; // ESC x
            j = i + 2;
        }
        if (csi)
        {
            // Parameters and intermediates (0x20-0x3F), then one final byte (0x40-0x7E).
            while (j < t.Length && t[j] >= ' ' && t[j] <= '?') j++;
            return j < t.Length && t[j] >= '@' && t[j] <= '~' ? j : j - 1;
        }
        for (; j < t.Length; j++)
        {
            if (t[j] == '\u0007' || t[j] == '\u009c') return j;
            if (t[j] == '\u001b' && j + 1 < t.Length && t[j + 1] == '\\') return j + 1;
        }
        return t.Length - 1; // unterminated: drop the rest rather than show half a command
    }
}
