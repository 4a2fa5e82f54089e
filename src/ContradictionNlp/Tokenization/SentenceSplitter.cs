using System.Buffers;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tokenization;

/// <summary>
/// Rule sentence splitter for news English, working on the tokens of <see cref="Tokenizer"/> so a
/// boundary can only fall between tokens. Spans are trimmed: they start at a token and end at one.
/// </summary>
/// <remarks>
/// The rules, in the order they are tried (each has tests, including the "Golden Rules"):
/// <list type="number">
/// <item>Line structure: a blank line always ends a sentence; a single line break too, unless
///   <see cref="SentenceSplitterOptions.SingleNewlineIsSpace"/> or it is plain wrapping (a trailing space
///   before a line that starts lower-case). So a heading without final punctuation is its own sentence.</item>
/// <item>Bullets and inline list markers ("1. … 2. …", "a) … b) …", "(i) … (ii) …") start a sentence;
///   a marker must belong to a sequence in the same paragraph, so "for 1. above" is not a list.</item>
/// <item>Sentence punctuation (. ! ? … and runs of them) ends a sentence when the next word starts
///   upper-case or with a digit; closing quotes, brackets and footnote numbers ("martyr.[1]") stay with
///   the sentence they close. Inside a matched quote or bracket pair punctuation does not split.</item>
/// <item>An abbreviation token ("U.S.", "Co.", "I.") ends a sentence only before a typical sentence
///   starter ("The", "He", "How", ...); a prepositive one ("Mr.", "Gen.") never does; "a.m."/"p.m." after a
///   number does before any capital.</item>
/// <item>Spaced ellipses: ". . ." continues the sentence, ". . . ." (ellipsis plus period) ends it.</item>
/// </list>
/// Stateless once built and safe to share across threads.
/// </remarks>
public sealed class SentenceSplitter : ISentenceSplitter
{
    private static readonly Tokenizer SharedTokenizer = new();

    public SentenceSplitter(SentenceSplitterOptions? options = null)
    {
        Options = options ?? SentenceSplitterOptions.Default;
    }

    public SentenceSplitterOptions Options { get; }

    public TextSpan[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text, SharedTokenizer.Tokenize(text));
    }

    /// <summary>Splits text that was already tokenized (by <see cref="Tokenizer"/> or a compatible tokenizer).</summary>
    public TextSpan[] Split(string text, ReadOnlySpan<Token> tokens)
    {
        var sentences = SplitTokens(text, tokens);
        var spans = new TextSpan[sentences.Length];
        for (int i = 0; i < sentences.Length; i++) spans[i] = sentences[i].Span;
        return spans;
    }

    /// <summary>Sentences with their token ranges; every token belongs to exactly one sentence.</summary>
    public Sentence[] SplitTokens(string text, ReadOnlySpan<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        int n = tokens.Length;
        if (n == 0) return [];

        byte[] gap = ArrayPool<byte>.Shared.Rent(n);
        short[] depth = DepthScratch(Options.KeepQuotationsTogether ? n : 1);
        byte[] marker = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            var ctx = new Context(text, tokens, gap, depth, marker, Options);
            ctx.ClassifyGaps();
            if (Options.KeepQuotationsTogether) ctx.PairQuotesAndBrackets();
            ctx.FindListMarkers();
            return ctx.Split();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(gap);
            ArrayPool<byte>.Shared.Return(marker);
        }
    }

    /// <summary>
    /// The quote-depth array of this thread, at least <paramref name="length"/> long; like a rented array it is not
    /// cleared (<see cref="Context.PairQuotesAndBrackets"/> clears what it reads). PAR11: a per-thread array instead of
    /// <c>ArrayPool&lt;short&gt;</c>, whose shared pool over <c>short</c> is a generic instantiation the framework's
    /// precompiled code does not hold: every process JIT-compiled its Rent, Return and set-up methods.
    /// </summary>
    private static short[] DepthScratch(int length)
    {
        var a = t_depth;
        if (a is not null && a.Length >= length) return a;
        a = new short[Math.Max(length, 1024)];
        if (length <= MaxKeptDepth) t_depth = a; // an outsized document's array is not kept for the thread's lifetime
        return a;
    }

    [ThreadStatic] private static short[]? t_depth;
    private const int MaxKeptDepth = 1 << 20;

    private enum Term : byte { None, Period, Bang, Ellipsis, Abbrev, Interrupted }

    // Gap kinds: what separates token k from token k-1.
    private const byte Adjacent = 0, Space = 1, SoftNewline = 2, HardBreak = 3;

    private ref struct Context
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly byte[] _gap;
        private readonly short[] _depth;
        private readonly byte[] _marker;
        private readonly SentenceSplitterOptions _options;
        private readonly int _n;

        public Context(string text, ReadOnlySpan<Token> tokens, byte[] gap, short[] depth, byte[] marker, SentenceSplitterOptions options)
        {
            _text = text;
            _tokens = tokens;
            _gap = gap;
            _depth = depth;
            _marker = marker;
            _options = options;
            _n = tokens.Length;
        }

        private readonly char First(int k) => _text[_tokens[k].Start];
        private readonly ReadOnlySpan<char> TextOf(int k) => _text.AsSpan(_tokens[k].Start, _tokens[k].Length);
        private readonly bool IsPunct(int k, char c) => _tokens[k].Length == 1 && _text[_tokens[k].Start] == c;

        // ---------------------------------------------------------------- line structure
        public readonly void ClassifyGaps()
        {
            _gap[0] = HardBreak;
            for (int k = 1; k < _n; k++)
            {
                int from = _tokens[k - 1].End, to = _tokens[k].Start;
                if (from == to) { _gap[k] = Adjacent; continue; }
                int newlines = 0, lastNewline = -1;
                for (int i = from; i < to; i++)
                {
                    char c = _text[i];
                    if (c == '\n' || (c == '\r' && (i + 1 == to || _text[i + 1] != '\n')) || c is '\u2028' or '\u2029' or '\f')
                    {
                        newlines += c is '\u2029' or '\f' ? 2 : 1;
                        lastNewline = i;
                    }
                }
                _gap[k] = newlines switch
                {
                    0 => Space,
                    1 => SingleNewline(k, from, lastNewline) ? HardBreak : SoftNewline,
                    _ => HardBreak,
                };
            }
        }

        /// <summary>True when the single line break before token k ends a sentence.</summary>
        private readonly bool SingleNewline(int k, int gapStart, int newlineAt)
        {
            if (StartsListOrBullet(k)) return true;
            if (_options.SingleNewlineIsSpace) return false;
            // "pricing\n." — a line that starts with the sentence's own final punctuation continues it.
            if (TerminalKind(k) is Term.Period or Term.Bang) return false;
            // Wrapping: "a cold \nnight" — a trailing space, no sentence punctuation, next line lower-case.
            int before = newlineAt - 1;
            if (before >= 0 && _text[before] == '\r') before--;
            bool trailingSpace = before >= gapStart && _text[before] is ' ' or '\t';
            char last = _text[_tokens[k - 1].End - 1];
            bool prevEnds = last is '.' or '!' or '?' or '\u2026' or ':' || _tokens[k - 1].Kind == TokenKind.Quote;
            char next = First(k);
            return !(trailingSpace && !prevEnds && (char.IsLower(next) || next == '('));
        }

        private readonly bool StartsListOrBullet(int k)
        {
            if (IsBullet(k)) return true;
            if (_tokens[k].Kind == TokenKind.Number && _tokens[k].Length <= 2 && k + 1 < _n && _gap[k + 1] == Adjacent)
                return IsPunct(k + 1, '.') || IsPunct(k + 1, ')');
            return false;
        }

        private readonly bool IsBullet(int k) =>
            _tokens[k].Length == 1 && First(k) is '\u2022' or '\u25E6' or '\u25AA' or '\u25AB' or '\u2023' or '\u2043'
                or '\u25CF' or '\u25CB' or '\u25A0' or '\u25A1' or '\u27A2' or '\u25BA';

        // ---------------------------------------------------------------- quotes and brackets
        /// <summary>
        /// Pairs quote marks and brackets within each paragraph and records, per token, how many pairs are
        /// open after it. Unmatched marks (an inch sign, a "1)" list marker, an elided "'nineties") count for nothing.
        /// </summary>
        public readonly void PairQuotesAndBrackets()
        {
            Span<int> stackTok = stackalloc int[64];
            Span<byte> stackFam = stackalloc byte[64];
            int top = 0;
            Array.Clear(_depth, 0, _n);
            for (int k = 0; k < _n; k++)
            {
                if (_gap[k] == HardBreak) top = 0;
                var (family, opens) = Role(k, stackFam[..top]);
                if (family == 0) continue;
                if (opens)
                {
                    if (top == stackTok.Length) continue; // absurd nesting: stop protecting deeper levels
                    stackTok[top] = k;
                    stackFam[top] = family;
                    top++;
                    continue;
                }
                for (int p = top - 1; p >= 0; p--)
                {
                    if (stackFam[p] != family) continue;
                    _depth[stackTok[p]]++;
                    _depth[k]--;
                    top = p;
                    break;
                }
            }
            short run = 0;
            for (int k = 0; k < _n; k++) { run += _depth[k]; _depth[k] = run; }
        }

        /// <summary>Quote family (1 double, 2 single, 3 round, 4 square) and whether token k opens; family 0 = neither.</summary>
        private readonly (byte Family, bool Opens) Role(int k, ReadOnlySpan<byte> open)
        {
            var t = _tokens[k];
            if (t.Length != 1) return (0, false);
            char c = _text[t.Start];
            switch (c)
            {
                case '(': return (3, true);
                case ')': return (3, false);
                case '[': return (4, true);
                case ']': return (4, false);
            }
            if (t.Kind != TokenKind.Quote) return (0, false);
            bool spaceBefore = k == 0 || _gap[k] != Adjacent || IsOpenerContext(k - 1);
            bool spaceAfter = k + 1 == _n || _gap[k + 1] != Adjacent || IsCloserContext(k + 1);
            switch (c)
            {
                case '\u201C' or '\u00AB' or '\u201E': return (1, true);
                case '\u201D' or '\u00BB': return (1, false);
                case '\u2018' or '\u201A' or '`': return (2, true);
                case '\u2019': return spaceBefore ? ((byte)0, false) : ((byte)2, false); // "’nineties" is an elision
                case '"' or '\'':
                {
                    byte fam = c == '"' ? (byte)1 : (byte)2;
                    if (spaceBefore && !spaceAfter) return (fam, true);
                    if (!spaceBefore && spaceAfter) return (fam, false);
                    if (spaceBefore && spaceAfter) return (open.Contains(fam) ? fam : (byte)0, false);
                    return (0, false); // glued on both sides: 3/4"x, not a quote
                }
            }
            return (0, false);
        }

        private readonly bool IsOpenerContext(int k)
        {
            var t = _tokens[k];
            if (t.Kind == TokenKind.Quote) return true;
            char c = _text[t.Start];
            return t.Length >= 1 && c is '(' or '[' or '{' or '-' or '\u2014' or '\u2013';
        }

        private readonly bool IsCloserContext(int k)
        {
            var t = _tokens[k];
            if (t.Kind == TokenKind.Quote) return true;
            return t.Kind == TokenKind.Punctuation && _text[t.Start] is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '-' or '\u2014' or '\u2013' or '\u2026';
        }

        // ---------------------------------------------------------------- lists
        /// <summary>
        /// Marks inline list markers that belong to a sequence in the same paragraph; _marker[k] holds the
        /// marker's token count at its first token, 0 elsewhere.
        /// </summary>
        public readonly void FindListMarkers()
        {
            Array.Clear(_marker, 0, _n);
            // Candidates are rare; a small fixed window keeps this linear.
            Span<int> candTok = stackalloc int[32];
            Span<int> candStyle = stackalloc int[32];
            Span<int> candValue = stackalloc int[32];
            Span<int> candLen = stackalloc int[32];
            int count = 0;
            for (int k = 0; k <= _n; k++)
            {
                bool blockEnds = k == _n || (_gap[k] == HardBreak && k > 0);
                if (blockEnds || count == candTok.Length)
                {
                    ConfirmMarkers(candTok[..count], candStyle[..count], candValue[..count], candLen[..count]);
                    count = 0;
                }
                if (k == _n) break;
                if (k > 0 && _gap[k] == Adjacent) continue;
                if (Candidate(k, out int style, out int value, out int len, alternative: false))
                {
                    candTok[count] = k; candStyle[count] = style; candValue[count] = value; candLen[count] = len; count++;
                }
                if (count < candTok.Length && Candidate(k, out style, out value, out len, alternative: true))
                {
                    candTok[count] = k; candStyle[count] = style; candValue[count] = value; candLen[count] = len; count++;
                }
            }
        }

        private readonly void ConfirmMarkers(ReadOnlySpan<int> tok, ReadOnlySpan<int> style, ReadOnlySpan<int> value, ReadOnlySpan<int> len)
        {
            for (int a = 0; a < tok.Length; a++)
            {
                bool neighbour = false, hasFirst = false;
                for (int b = 0; b < tok.Length; b++)
                {
                    if (style[b] != style[a]) continue;
                    if (value[b] == 1) hasFirst = true;
                    if ((b < a && value[b] == value[a] - 1) || (b > a && value[b] == value[a] + 1)) neighbour = true;
                }
                // "1. … 2. …" must start at 1: "scored 2. The … lost 3. Then" is not a list.
                if (neighbour && (style[a] != 1 || hasFirst)) _marker[tok[a]] = (byte)len[a];
            }
        }

        /// <summary>
        /// A list marker at token k: style (1 "1.", 2 "1)", 3 "1.)", 4 "a.", 5 "a)", 6 "a.)", 7 "iv)",
        /// 8 "(a)", 9 "(iv)", 10 "(1)"), value (1-based) and token count. <paramref name="alternative"/>
        /// reads i, v, x as roman numerals instead of letters.
        /// </summary>
        private readonly bool Candidate(int k, out int style, out int value, out int len, bool alternative)
        {
            style = value = len = 0;
            var t = _tokens[k];
            if (t.Kind == TokenKind.Number && !alternative)
            {
                if (t.Length > 2 || !int.TryParse(TextOf(k), out value)) return false;
                if (!Glued(k, out int dotLen, out style)) return false;
                len = 1 + dotLen;
                // Number lists need a capital after the marker: "for 1. above" is a reference, not a list.
                int w = k + len;
                return w < _n && _gap[w] != Adjacent && char.IsUpper(First(w));
            }
            if (t.Kind == TokenKind.Word)
            {
                var word = TextOf(k);
                if (word.Length == 2 && word[1] == '.' && char.IsLower(word[0]) && !alternative)
                {
                    value = word[0] - 'a' + 1;
                    bool paren = k + 1 < _n && _gap[k + 1] == Adjacent && IsPunct(k + 1, ')');
                    style = paren ? 6 : 4;
                    len = paren ? 2 : 1;
                    return k + len < _n && _gap[k + len] != Adjacent;
                }
                if (k + 1 < _n && _gap[k + 1] == Adjacent && IsPunct(k + 1, ')') && (k + 2 == _n || _gap[k + 2] != Adjacent))
                {
                    len = 2;
                    if (alternative) { style = 7; value = Roman(word); return value > 0; }
                    if (word.Length != 1 || !char.IsLetter(word[0])) return false;
                    style = 5;
                    value = char.ToLowerInvariant(word[0]) - 'a' + 1;
                    return true;
                }
                return false;
            }
            if (IsPunct(k, '(') && k + 2 < _n && _gap[k + 1] == Adjacent && _gap[k + 2] == Adjacent && IsPunct(k + 2, ')')
                && (k + 3 == _n || _gap[k + 3] != Adjacent))
            {
                len = 3;
                var inner = TextOf(k + 1);
                if (_tokens[k + 1].Kind == TokenKind.Number)
                {
                    if (alternative || inner.Length > 2) return false;
                    style = 10;
                    return int.TryParse(inner, out value);
                }
                if (alternative) { style = 9; value = Roman(inner); return value > 0; }
                if (inner.Length != 1 || !char.IsLetter(inner[0])) return false;
                style = 8;
                value = char.ToLowerInvariant(inner[0]) - 'a' + 1;
                return true;
            }
            return false;
        }

        /// <summary>"." ")" or ".)" glued after token k.</summary>
        private readonly bool Glued(int k, out int len, out int style)
        {
            len = 0; style = 0;
            if (k + 1 >= _n || _gap[k + 1] != Adjacent) return false;
            if (IsPunct(k + 1, ')')) { len = 1; style = 2; return true; }
            if (!IsPunct(k + 1, '.')) return false;
            if (k + 2 < _n && _gap[k + 2] == Adjacent && IsPunct(k + 2, ')')) { len = 2; style = 3; return true; }
            len = 1; style = 1;
            return true;
        }

        private static int Roman(ReadOnlySpan<char> s) => s switch
        {
            "i" or "I" => 1, "ii" or "II" => 2, "iii" or "III" => 3, "iv" or "IV" => 4, "v" or "V" => 5,
            "vi" or "VI" => 6, "vii" or "VII" => 7, "viii" or "VIII" => 8, "ix" or "IX" => 9, "x" or "X" => 10,
            _ => 0,
        };

        // ---------------------------------------------------------------- the main pass
        private readonly Term TerminalKind(int k)
        {
            var t = _tokens[k];
            char c = _text[t.Start];
            if (t.Kind == TokenKind.Punctuation)
            {
                if (t.Length == 1)
                    return c switch
                    {
                        '.' or '\uFF0E' or '\u3002' => Term.Period,
                        '!' or '?' or '\uFF01' or '\uFF1F' or '\u203C' or '\u2047' or '\u2048' or '\u2049' => Term.Bang,
                        '\u2026' => Term.Ellipsis,
                        '\u2014' => InterruptedSpeech(k),
                        _ => Term.None,
                    };
                if (c == '-') return InterruptedSpeech(k);
                if (c == '.')
                    // "stairways [...]": an omission mark in brackets is not the end of anything.
                    return k > 0 && _gap[k] == Adjacent && IsPunct(k - 1, '[') ? Term.None : Term.Ellipsis;
                return Term.None;
            }
            if (t.Kind == TokenKind.Word && t.Length >= 2 && _text[t.End - 1] == '.') return Term.Abbrev;
            return Term.None;
        }

        /// <summary>"sir--" The Rabbit…: a dash glued to a closing quote is speech broken off, which can end a sentence.</summary>
        private readonly Term InterruptedSpeech(int k) =>
            k + 1 < _n && _gap[k + 1] == Adjacent && _tokens[k + 1].Kind == TokenKind.Quote && (k + 2 == _n || _gap[k + 2] != Adjacent)
                ? Term.Interrupted
                : Term.None;

        public readonly Sentence[] Split()
        {
            var result = new List<Sentence>(_n / 16 + 1);
            int s0 = 0;
            for (int k = 0; k < _n; k++)
            {
                if (k > s0 && (_gap[k] == HardBreak || IsBullet(k) || _marker[k] > 0))
                {
                    Emit(result, s0, k - 1);
                    s0 = k;
                }
                if (_marker[k] > 0) { k += _marker[k] - 1; continue; } // a marker's own period ends nothing

                var term = TerminalKind(k);
                if (term == Term.None) continue;

                int e;
                bool boundary;
                int run = term == Term.Period ? SpacedDots(k) : 1;
                if (run >= 3)
                {
                    // ". . ." keeps going; ". . . ." is an ellipsis plus a period. A period glued to its word
                    // and followed by a spaced ellipsis and a capital ("compounds. . . . The") ends there.
                    int after = k + run;
                    if (_gap[k] == Adjacent && k > s0 && run >= 4 && after < _n && _gap[after] != Adjacent && char.IsUpper(First(after)))
                    {
                        Emit(result, s0, k);
                        s0 = k + 1;
                        continue;
                    }
                    e = Absorb(k + run - 1, term);
                    boundary = run >= 4 && StartsUpper(e + 1) && NotInside(e);
                }
                else
                {
                    e = Absorb(k, term);
                    boundary = Decide(k, e, term, s0);
                }
                if (boundary)
                {
                    Emit(result, s0, e);
                    s0 = e + 1;
                }
                k = e;
            }
            if (s0 < _n) Emit(result, s0, _n - 1);
            return result.ToArray();
        }

        private readonly void Emit(List<Sentence> result, int first, int last) =>
            result.Add(new Sentence(_tokens[first].Start, _tokens[last].End, first, last + 1));

        /// <summary>Number of single periods in a spaced run ". . ." starting at k.</summary>
        private readonly int SpacedDots(int k)
        {
            int j = k + 1;
            while (j < _n && _gap[j] == Space && IsPunct(j, '.') && _tokens[j].Start - _tokens[j - 1].End == 1) j++;
            return j - k;
        }

        /// <summary>
        /// Extends a sentence end over what belongs to it: more end punctuation ("?!"), closing quotes and
        /// brackets, and footnote marks ("martyr.[1]", "(1987).1", "consultation.11 12").
        /// </summary>
        private readonly int Absorb(int k, Term term)
        {
            int e = k;
            while (e + 1 < _n && _gap[e + 1] == Adjacent)
            {
                int j = e + 1;
                var t = _tokens[j];
                char c = _text[t.Start];
                if (t.Kind == TokenKind.Quote || (t.Length == 1 && c is ')' or ']' or '}') || TerminalKind(j) is Term.Period or Term.Bang or Term.Ellipsis)
                {
                    e = j;
                    continue;
                }
                if (term == Term.Abbrev) break;
                if (c == '[' && j + 2 < _n && _tokens[j + 1].Kind == TokenKind.Number && IsPunct(j + 2, ']')
                    && _gap[j + 1] == Adjacent && _gap[j + 2] == Adjacent)
                {
                    e = j + 2;
                    continue;
                }
                if (t.Kind == TokenKind.Number && t.Length <= 3 && IsDigits(j) && (j + 1 == _n || _gap[j + 1] != Adjacent))
                {
                    e = j;
                    // "consultation.11 12 Take": further short numbers before the capital are footnotes too.
                    while (e + 2 < _n && _gap[e + 1] == Space && _tokens[e + 1].Kind == TokenKind.Number && _tokens[e + 1].Length <= 3
                           && IsDigits(e + 1) && _gap[e + 2] != Adjacent && char.IsUpper(First(e + 2)))
                        e++;
                    continue;
                }
                break;
            }
            return e;
        }

        private readonly bool IsDigits(int k)
        {
            foreach (char c in TextOf(k)) if (!Tokenizer.IsAsciiDigit(c)) return false;
            return true;
        }

        private readonly bool NotInside(int e) => !_options.KeepQuotationsTogether || _depth[e] <= 0;

        private readonly bool StartsUpper(int k) => FirstWord(k) is int w && w >= 0 && char.IsUpper(First(w));

        /// <summary>The first word-like token at or after k, past opening quotes, brackets and one dash; -1 if none.</summary>
        private readonly int FirstWord(int k)
        {
            if (k >= _n) return -1;
            int w = k;
            if (_tokens[w].Kind == TokenKind.Punctuation && First(w) is '-' or '\u2014' or '\u2013') w++;
            while (w < _n && (_tokens[w].Kind == TokenKind.Quote || (_tokens[w].Length == 1 && First(w) is '(' or '[' or '{'))) w++;
            return w < _n ? w : -1;
        }

        private readonly bool Decide(int k, int e, Term term, int s0)
        {
            int nx = e + 1;
            if (nx >= _n || _gap[nx] == HardBreak) return false; // the end, or the line break splits anyway
            if (!NotInside(e)) return false;
            var next = _tokens[nx];
            char c0 = _text[next.Start];

            if (_gap[nx] == Adjacent)
                // "world.Today", "1,000.That": a glued capitalised word after a plain period.
                return term == Term.Period && next.Kind == TokenKind.Word && next.Length >= 2 && char.IsUpper(c0);

            // "1. The first item", "• 9. The first item": the period of a list number that opens the sentence.
            int opener = IsBullet(s0) ? s0 + 1 : s0;
            if (term == Term.Period && k - 1 == opener && _tokens[opener].Kind == TokenKind.Number && _tokens[opener].Length <= 2) return false;

            // "N°. 1026": the degree-sign abbreviation of "number".
            if (term == Term.Period && k >= 2 && _gap[k] == Adjacent && IsPunct(k - 1, '\u00B0') && _text[_tokens[k - 2].End - 1] is 'N' or 'n'
                && next.Kind == TokenKind.Number)
                return false;

            // A parenthesis opening with a relative word refers back to what precedes it:
            // "…house!' (Which was very likely true.)" stays one sentence; "(Dinah was the cat.)" does not.
            if (IsPunct(nx, '(') && nx + 1 < _n && _tokens[nx + 1].Kind == TokenKind.Word && IsRelativeWord(TextOf(nx + 1))) return false;

            if (next.Kind == TokenKind.Punctuation && c0 is ',' or ';' or ':' or ')' or ']' or '}') return false;

            int w = FirstWord(nx);
            if (w < 0) return false;
            var word = _tokens[w];
            char f = _text[word.Start];
            bool upper = char.IsUpper(f);
            bool digit = word.Kind == TokenKind.Number || char.IsDigit(f);

            if (term == Term.Abbrev)
            {
                var abbr = _text.AsSpan(_tokens[k].Start, _tokens[k].Length - 1);
                if (digit || !upper) return false;
                // "Q. What is it? A. It is…", "Jonas E. Smith" — an initial ends a sentence only before a starter.
                if (abbr.Length == 1) return k != s0 && IsStarter(w);
                if (Abbreviations.IsPrepositive(abbr)) return false;
                if ((abbr.Equals("a.m", StringComparison.OrdinalIgnoreCase) || abbr.Equals("p.m", StringComparison.OrdinalIgnoreCase))
                    && k > 0 && _tokens[k - 1].Kind == TokenKind.Number)
                    return true;
                return IsStarter(w);
            }

            if (char.IsLower(f)) return false;
            return true;
        }

        private static bool IsRelativeWord(ReadOnlySpan<char> w) =>
            w.Equals("which", StringComparison.OrdinalIgnoreCase) || w.Equals("who", StringComparison.OrdinalIgnoreCase)
            || w.Equals("whom", StringComparison.OrdinalIgnoreCase) || w.Equals("whose", StringComparison.OrdinalIgnoreCase)
            || w.Equals("whereupon", StringComparison.OrdinalIgnoreCase);

        private readonly bool IsStarter(int w) =>
            _tokens[w].Kind == TokenKind.Word && Abbreviations.IsSentenceStarter(TextOf(w));
    }
}
