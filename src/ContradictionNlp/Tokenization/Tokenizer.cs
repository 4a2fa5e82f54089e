using System.Globalization;
using System.Runtime.CompilerServices;

namespace ContradictionNlp.Tokenization;

/// <summary>
/// Rule tokenizer for news English. One left-to-right pass over the characters, no regular
/// expressions and no per-token strings: tokens are (start, end, kind) triples into the input.
/// </summary>
/// <remarks>
/// Decisions (tests pin each one):
/// <list type="bullet">
/// <item>Quote marks (straight, curly, guillemets, backtick) are separate <see cref="TokenKind.Quote"/> tokens.
///   An apostrophe between letters stays inside the word ("O'Brien", "rock'n'roll").</item>
/// <item>Contractions split Penn-Treebank style: "don't" → "do" "n't", "can't" → "ca" "n't",
///   "it's" → "it" "'s", "Belarus’s" → "Belarus" "’s", likewise 'm 'd 'll 're 've (Word tokens).</item>
/// <item>A hyphen between letters or digits joins ("full-scale", "24-year-old"); "--", "—" and "–" are
///   separate Punctuation tokens.</item>
/// <item>Abbreviations keep their period: words from <see cref="Abbreviations"/> ("Mr.", "Sep."), single
///   letters ("A." in "Jakob A. Overgaard") and letter-period chains ("U.S.", "e.g.", "a.m.", "Ph.D.").</item>
/// <item>Numbers: digits with internal "." ("3.5", "11.18.2014"), thousands "," ("1,500"), ":" ("7:05")
///   and "-" or "/" between digits ("2023-11-16", "05/29/1987", "3/4") are one Number token. Currency
///   and percent signs are separate Symbol tokens ("$" "150", "24" "%"), as in the Penn Treebank, so the
///   number itself can be compared across claims. A number running into letters ("5th", "1990s") is a Word.</item>
/// <item>URLs (http://, https://, ftp://, www.) and e-mail addresses are one Url token; trailing
///   sentence punctuation is left out of them.</item>
/// <item>Two or more periods ("...", "........") are one Punctuation token, as is "…".</item>
/// </list>
/// The tokenizer is stateless and safe to share across threads.
/// </remarks>
// Not AggressiveOptimization (nor the splitter, nor TextAnalyzer): cnlp's build is ReadyToRun-compiled and runs with tiering
// off, so precompiled code runs from the first article, while a method marked so is always JIT-compiled on its first
// call; here that JIT cost more of a one-pass run than the precompiled code loses (docs/performance-log.md, round 13).
public sealed class Tokenizer : ITokenizer
{
    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The working array is this thread's scratch, kept across articles: only the exact-length copy is new. A fresh
        // working array per text (sized to a quarter of its characters, ~1.4 times the tokens) was a third of the
        // token arrays a corpus run allocated, for an array dropped at once. Taken out while in use, so a throw (or a
        // nested call) never shares it; Token holds no references, so a kept array keeps no text alive.
        var scratch = t_scratch;
        t_scratch = null;
        int want = text.Length / 4 + 8;
        var buffer = new TokenBuffer(scratch is not null && scratch.Length >= want ? scratch : new Token[Math.Max(want, scratch?.Length * 2 ?? 0)]);
        Scan(text, ref buffer);
        var result = buffer.ToArray();
        if (buffer.Items.Length <= MaxScratchTokens) t_scratch = buffer.Items;
        return result;
    }

    // 64k tokens (768 KB, a ~300 kB article): a larger working array is not kept, so one huge input does not pin it.
    private const int MaxScratchTokens = 1 << 16;

    [ThreadStatic] private static Token[]? t_scratch;

    internal static void Scan(ReadOnlySpan<char> s, ref TokenBuffer tokens)
    {
        int n = s.Length;
        int i = 0;
        // Where the next '@' is (-1: none ahead): an e-mail address needs one, so words with none after
        // them skip TryUrl's e-mail scan (most articles have no '@' at all).
        int nextAt = s.IndexOf('@');
        while (i < n)
        {
            char c = s[i];
            if (c <= ' ' || (c > 127 && char.IsWhiteSpace(c))) { i++; continue; }

            if (IsAsciiLetterOrDigit(c) || (c > 127 && IsWordChar(c)))
            {
                if (nextAt >= 0 && nextAt < i)
                {
                    nextAt = s[i..].IndexOf('@');
                    if (nextAt >= 0) nextAt += i;
                }
                int urlEnd = TryUrl(s, i, atAhead: nextAt >= 0);
                if (urlEnd > i) { tokens.Add(i, urlEnd, TokenKind.Url); i = urlEnd; continue; }
                i = IsAsciiDigit(c) ? ScanNumber(s, i, ref tokens) : ScanWord(s, i, i, ref tokens);
                continue;
            }

            if (IsQuoteChar(c))
            {
                // An apostrophe glued to the previous token and followed by a clitic ("Jr.'s") is the clitic.
                if ((c == '\'' || c == '\u2019') && i > 0 && !char.IsWhiteSpace(s[i - 1]))
                {
                    int cl = CliticLength(s, i + 1);
                    if (cl > 0) { tokens.Add(i, i + 1 + cl, TokenKind.Word); i += 1 + cl; continue; }
                }
                tokens.Add(i, i + 1, TokenKind.Quote);
                i++;
                continue;
            }

            if (c == '.')
            {
                int j = i + 1;
                while (j < n && s[j] == '.') j++;
                // ".50" is a number written without its leading zero — but only after a space, a sign or a
                // currency: in "(type 2).10" the period ends a sentence and 10 is a footnote.
                if (j == i + 1 && j < n && IsAsciiDigit(s[j]) && (i == 0 || char.IsWhiteSpace(s[i - 1]) || s[i - 1] is '$' or '\u20AC' or '\u00A3' or '\u00A5' or '(' or '-' or '+'))
                {
                    i = ScanNumber(s, i, ref tokens);
                    continue;
                }
                tokens.Add(i, j, TokenKind.Punctuation);
                i = j;
                continue;
            }

            if (c == '-')
            {
                int j = i + 1;
                while (j < n && s[j] == '-') j++;
                tokens.Add(i, j, TokenKind.Punctuation);
                i = j;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(s[i + 1]))
            {
                // Emoji and other astral characters: one symbol, never split between its halves.
                tokens.Add(i, i + 2, TokenKind.Symbol);
                i += 2;
                continue;
            }

            // Percent, hash, ampersand and at-sign are Unicode punctuation but read as symbols ("24 %", "AT&T").
            var kind = char.IsPunctuation(c) && c is not ('%' or '\u2030' or '#' or '&' or '@') ? TokenKind.Punctuation : TokenKind.Symbol;
            tokens.Add(i, i + 1, kind);
            i++;
        }
    }

    /// <summary>Scans a number starting at <paramref name="start"/>; continues as a word when letters follow the digits.</summary>
    private static int ScanNumber(ReadOnlySpan<char> s, int start, ref TokenBuffer tokens)
    {
        int n = s.Length;
        int i = start;
        if (s[i] == '.') i++;
        while (i < n && IsAsciiDigit(s[i])) i++;
        while (i + 1 < n)
        {
            char c = s[i];
            if (!IsAsciiDigit(s[i + 1])) break;
            if (c == ',')
            {
                // Thousands separator only when exactly three digits follow; "2019,2020" is a list.
                if (i + 4 <= n && IsAsciiDigit(s[i + 2]) && IsAsciiDigit(s[i + 3]) && (i + 4 == n || !IsAsciiDigit(s[i + 4])))
                    i += 4;
                else break;
            }
            else if (c is '.' or ':' or '-' or '/')
            {
                i++;
                while (i < n && IsAsciiDigit(s[i])) i++;
            }
            else break;
        }
        if (i < n && (IsWordChar(s[i]) || (s[i] == '-' && i + 1 < n && IsLetter(s[i + 1]))))
            return ScanWord(s, start, i, ref tokens); // "5th", "1990s", "24-year-old": a word that begins with digits
        tokens.Add(start, i, TokenKind.Number);
        return i;
    }

    /// <summary>
    /// Scans a word from <paramref name="start"/> (already consumed up to <paramref name="i"/>):
    /// letters, digits, joining hyphens and inner apostrophes; splits clitics; keeps abbreviation periods.
    /// </summary>
    private static int ScanWord(ReadOnlySpan<char> s, int start, int i, ref TokenBuffer tokens)
    {
        int n = s.Length;
        while (true)
        {
            while (i < n && IsWordChar(s[i])) i++;
            if (i + 1 >= n) break;
            char c = s[i];
            if (c == '-' && IsWordChar(s[i + 1])) { i++; continue; }
            if ((c == '\'' || c == '\u2019') && IsLetter(s[i + 1]))
            {
                // "n't": the n belongs to the clitic ("do" "n't", "ca" "n't").
                if ((s[i + 1] == 't' || s[i + 1] == 'T') && (i + 2 == n || !IsWordChar(s[i + 2]))
                    && i - 1 > start && (s[i - 1] == 'n' || s[i - 1] == 'N'))
                {
                    tokens.Add(start, i - 1, TokenKind.Word);
                    tokens.Add(i - 1, i + 2, TokenKind.Word);
                    return i + 2;
                }
                int cl = CliticLength(s, i + 1);
                if (cl > 0)
                {
                    tokens.Add(start, i, TokenKind.Word);
                    tokens.Add(i, i + 1 + cl, TokenKind.Word);
                    return i + 1 + cl;
                }
                i++; // inner apostrophe: O'Brien
                continue;
            }
            break;
        }

        if (i < n && s[i] == '.')
        {
            var word = s[start..i];
            if ((word.Length == 1 && IsLetter(word[0]))
                || (Abbreviations.IsAbbreviation(word) && (!Abbreviations.IsOnlyBeforeNumber(word) || DigitFollows(s, i + 1))))
            {
                i++;
                // Letter-period chains: U.S.A., e.g., a.m., Ph.D. — each link one or two letters and a period.
                while (i + 1 < n && IsLetter(s[i]))
                {
                    int j = i + 1;
                    if (j < n && IsLetter(s[j])) j++;
                    if (j < n && s[j] == '.') i = j + 1;
                    else break;
                }
                tokens.Add(start, i, TokenKind.Word);
                return i;
            }
        }
        tokens.Add(start, i, TokenKind.Word);
        return i;
    }

    /// <summary>True when, after optional spaces, a digit comes at <paramref name="i"/>.</summary>
    private static bool DigitFollows(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
        return i < s.Length && IsAsciiDigit(s[i]);
    }

    /// <summary>Length of a clitic (s, m, d, ll, re, ve) starting at <paramref name="i"/> and ending the word; 0 when none.</summary>
    private static int CliticLength(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        int j = i;
        while (j < n && j - i < 3 && IsLetter(s[j])) j++;
        if (j < n && IsWordChar(s[j])) return 0;
        int len = j - i;
        if (len == 1)
        {
            char a = (char)(s[i] | 0x20);
            return a is 's' or 'm' or 'd' ? 1 : 0;
        }
        if (len == 2)
        {
            char a = (char)(s[i] | 0x20), b = (char)(s[i + 1] | 0x20);
            return (a, b) is ('l', 'l') or ('r', 'e') or ('v', 'e') ? 2 : 0;
        }
        return 0;
    }

    /// <summary>End of a URL or e-mail address starting at <paramref name="i"/>, or <paramref name="i"/> when there is none.</summary>
    /// <param name="atAhead">Some '@' lies at or after <paramref name="i"/>; without one there is no e-mail address to scan for.</param>
    private static int TryUrl(ReadOnlySpan<char> s, int i, bool atAhead = true)
    {
        var rest = s[i..];
        // The prefixes are "http", "https", "ftp" and "www." in any case: only a word of 4 or more characters
        // starting "ht", "ft" or "ww" (ASCII, either case: no other character folds to these letters) can
        // match, so other words skip the four comparisons ("he", "has", "with", "from" are common).
        char first = s[i];
        bool maybePrefixed = rest.Length >= 4
            && ((first | 0x20) is 'h' or 'f' ? (rest[1] | 0x20) == 't' : (first | 0x20) == 'w' && (rest[1] | 0x20) == 'w');
        bool prefixed = maybePrefixed && (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                        || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
                        || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && IsWordChar(rest[4])));
        int n = s.Length;
        int j;
        if (prefixed)
        {
            j = i;
            while (j < n && !char.IsWhiteSpace(s[j]) && s[j] is not ('"' or '<' or '>' or '\u201C' or '\u201D' or '\u2018' or '\u2019')) j++;
        }
        else
        {
            // E-mail: local part of word characters and . _ % + -, then @, then a dotted domain.
            if (!atAhead) return i;
            j = i;
            while (j < n && (IsAsciiLetterOrDigit(s[j]) || s[j] is '.' or '_' or '%' or '+' or '-')) j++;
            if (j >= n - 1 || s[j] != '@' || !IsAsciiLetterOrDigit(s[j + 1])) return i;
            j++;
            bool dot = false;
            while (j < n && (IsAsciiLetterOrDigit(s[j]) || s[j] is '.' or '-'))
            {
                if (s[j] == '.' && j + 1 < n && IsAsciiLetterOrDigit(s[j + 1])) dot = true;
                j++;
            }
            if (!dot) return i;
        }
        // Sentence punctuation after a URL is not part of it.
        while (j > i && s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\'' or '-') j--;
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (c > 127 && char.IsLetter(c));

    /// <summary>Letters, digits and combining marks (so "é" written as e + accent stays in one word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWordChar(char c)
    {
        if (c < 128) return IsAsciiLetterOrDigit(c);
        if (char.IsLetterOrDigit(c)) return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    internal static bool IsQuoteChar(char c) => c is '"' or '\'' or '`' or '\u201C' or '\u201D' or '\u201E' or '\u201F'
        or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A';
}

/// <summary>A growable token array: one allocation per doubling, one copy at the end.</summary>
internal struct TokenBuffer
{
    private Token[] _items;
    private int _count;

    public TokenBuffer(int capacity)
    {
        _items = new Token[Math.Max(capacity, 4)];
        _count = 0;
    }

    /// <summary>A buffer writing into <paramref name="items"/> from index 0 (grown, i.e. replaced, when full).</summary>
    public TokenBuffer(Token[] items)
    {
        _items = items.Length >= 4 ? items : new Token[4];
        _count = 0;
    }

    /// <summary>The working array (after growth, not the one passed in).</summary>
    public readonly Token[] Items => _items;

    public readonly int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int end, TokenKind kind)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = new Token(start, end, kind);
    }

    public readonly Token[] ToArray() => _items.AsSpan(0, _count).ToArray();
}
