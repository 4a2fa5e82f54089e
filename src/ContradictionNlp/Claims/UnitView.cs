using System.Runtime.CompilerServices;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Claims;

internal enum UnitKind : byte { Word, Number, Punct, Quote, Possessive, Negation, Other }

/// <summary>A token as the claim rules see it (see <see cref="UnitView"/>).</summary>
/// <remarks>
/// 32 bytes: <see cref="Kind"/> rides in the top byte of the list bits (which use fewer than 56), so
/// an article's unit array is a fifth smaller than with a field of its own; the array is most of what
/// extraction allocates.
/// </remarks>
internal readonly struct Unit
{
    private const int KindShift = 56;
    private readonly ulong _setsAndKind;

    /// <param name="sets">The word lists that hold <paramref name="lower"/>, as <see cref="UnitLexicon"/> bits (0: none).</param>
    public Unit(int start, int end, string text, string lower, UnitKind kind, ulong sets)
    {
        if (sets >> KindShift != 0) throw new ArgumentOutOfRangeException(nameof(sets), "list bits must stay below bit 56");
        Start = start;
        End = end;
        Text = text;
        Lower = lower;
        _setsAndKind = sets | (ulong)kind << KindShift;
    }

    public int Start { get; }
    public int End { get; }
    public string Text { get; }
    public string Lower { get; }
    public UnitKind Kind => (UnitKind)(_setsAndKind >> KindShift);
    /// <summary>The word lists that hold <see cref="Lower"/>, as <see cref="UnitLexicon"/> bits (0: none).</summary>
    public ulong Sets => _setsAndKind & ((1UL << KindShift) - 1);

    public bool IsWord => Kind == UnitKind.Word;
    public bool IsCapitalised => Kind == UnitKind.Word && char.IsUpper(Text[0]);
    public bool Is(string lower) => Lower == lower;
}

/// <summary>A pair of matching quotation marks, as unit indices of the opening and closing mark.</summary>
internal readonly record struct QuoteRegion(int Open, int Close);

/// <summary>
/// The article's tokens normalised to one PTB-like shape, so the rules below do not depend on how a
/// particular tokenizer splits apostrophes and abbreviations: "Belarus’s" becomes Belarus + ’s
/// (Possessive), "don't" becomes do + n't (Negation), "U.S." and "Mr." are one unit whether or not
/// the tokenizer kept the period. Quotation marks are paired over the whole article (a quotation
/// may span several sentences).
/// </summary>
internal sealed class UnitView
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "sgt", "adm", "capt",
        "st", "jr", "sr", "inc", "co", "corp", "prof", "rev", "sept", "oct", "nov", "dec", "jan", "feb", "aug",
    };

    public UnitView(TokenizedText text)
    {
        Text = text.Text;
        Units = BuildUnits(text);
        SentenceRanges = MapSentences(text, Units);
        (Regions, InsideRegion, ClosingRegion, OpeningRegion) = PairQuotes(Text, Units, SentenceRanges);
    }

    public string Text { get; }
    public Unit[] Units { get; }
    /// <summary>Per sentence, the half-open unit range [First, End).</summary>
    public (int First, int End)[] SentenceRanges { get; }
    public List<QuoteRegion> Regions { get; }
    /// <summary>Region index whose interior contains the unit, or -1.</summary>
    public int[] InsideRegion { get; }
    /// <summary>Region index the unit closes, or -1.</summary>
    public int[] ClosingRegion { get; }
    /// <summary>Region index the unit opens, or -1.</summary>
    public int[] OpeningRegion { get; }

    // Make, IsLetterDotChain, MapSentences and PairQuotes run their ReadyToRun code (round 20: AggressiveOptimization made
    // every run JIT-compile them, ~3 ms); the per-token hot path (BuildUnits, Cut, LowerAscii) keeps the JIT's code.
    private static Unit Make(string text, int start, int end, UnitKind kind)
    {
        var s = text[start..end];
        var lower = AsciiCase.ToLowerInvariant(s);
        return new Unit(start, end, s, lower, kind, UnitLexicon.Table.MaskOf(lower));
    }

    /// <summary>
    /// The text [start, end), its lower case (as <see cref="AsciiCase.ToLowerInvariant"/>) and its
    /// <see cref="UnitLexicon"/> bits. An ASCII word is lowered into <paramref name="buf"/> and looked up
    /// once: a listed word takes the table's string as its lower case (and as its text when already
    /// lower case), so the commonest words cost no new string; a single ASCII character is a shared string.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void Cut(UnitLexicon lex, Span<char> buf, string text, int start, int end, out string s, out string lower, out ulong sets)
    {
        int len = end - start;
        var span = text.AsSpan(start, len);
        if (len == 1 && span[0] < 128)
        {
            s = lex.OneChar[span[0]];
            lower = lex.OneCharLower[span[0]];
            sets = lex.OneCharSets[span[0]];
            return;
        }
        if (len <= lex.MaxLength && len <= buf.Length && buf.Length >= 8)
        {
            var low = buf[..len];
            int changed = LowerAscii(span, low, out uint hash);
            if (changed >= 0)
            {
                // TryGet reads a short word as 8 characters: zero the rest.
                if (len < 8) buf[len..8].Clear();
                if (lex.TryGet(low, buf[..8], hash, out var word, out sets))
                {
                    lower = word;
                    s = changed != 0 ? new string(span) : word;
                }
                else
                {
                    (t_strings ??= new StringTable()).Get(span, low, changed != 0, hash, out s, out lower);
                }
                return;
            }
        }
        s = text[start..end];
        lower = AsciiCase.ToLowerInvariant(s);
        sets = lex.MaskOf(lower);
    }

    /// <summary>
    /// Writes the ASCII lower case of <paramref name="src"/> to <paramref name="dst"/> (at least as long)
    /// and its <see cref="UnitLexicon.HashStep"/> hash: 1 when some letter changed, 0 when none did,
    /// -1 (nothing usable written) when a character is not ASCII. A small method of its own so the JIT
    /// keeps the loop's few variables in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int LowerAscii(ReadOnlySpan<char> src, Span<char> dst, out uint hash)
    {
        ref char d = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(dst);
        if (dst.Length < src.Length) throw new ArgumentException("buffer too short", nameof(dst));
        uint h = UnitLexicon.HashSeed, upper = 0;
        for (int k = 0; k < src.Length; k++)
        {
            uint c = src[k];
            if (c >= 0x80) { hash = 0; return -1; }
            uint bit = c - 'A' <= 'Z' - 'A' ? 0x20u : 0u;
            upper |= bit;
            c |= bit;
            Unsafe.Add(ref d, k) = (char)c;
            h = (h ^ c) * 16777619;
        }
        hash = h;
        return upper != 0 ? 1 : 0;
    }

    private static bool IsApostrophe(string s) => s.Length == 1 && s[0] is '\'' or '\u2019';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit] // buf is written before it is read, per token
    private static Unit[] BuildUnits(TokenizedText tt)
    {
        var lex = UnitLexicon.Table;
        Span<char> buf = stackalloc char[64];
        var text = tt.Text;
        var toks = tt.Tokens;
        // Built in this thread's scratch list, then copied out at its exact length: a List sized to the
        // token count plus ToArray allocated the unit array twice, most of extraction's allocation.
        var units = t_scratch ??= new UnitList();
        units.Reset(toks.Count);
        for (int i = 0; i < toks.Count; i++)
        {
            var tk = toks[i];
            Cut(lex, buf, text, tk.Start, tk.End, out var s, out var lower, out var sets);
            bool adjPrev = units.Count > 0 && units[^1].End == tk.Start;
            bool prevWord = adjPrev && units[^1].Kind is UnitKind.Word or UnitKind.Number;
            bool nextAdjWord = i + 1 < toks.Count && toks[i + 1].Start == tk.End && toks[i + 1].Kind == TokenKind.Word;

            // Two apostrophes in a row are a double quotation mark (the NYT house style: ''Yes,'' he said).
            if (IsApostrophe(s) && i + 1 < toks.Count && toks[i + 1].Start == tk.End && text[toks[i + 1].Start..toks[i + 1].End] == s)
            {
                units.Add(Make(text, tk.Start, toks[i + 1].End, UnitKind.Quote));
                i++;
                continue;
            }
            // A tokenizer that splits at apostrophes: glue the pieces back into PTB shape.
            if (IsApostrophe(s) && prevWord)
            {
                if (nextAdjWord)
                {
                    var next = toks[i + 1];
                    var nl = AsciiCase.ToLowerInvariant(text[next.Start..next.End]);
                    if (nl == "s") { units.Add(Make(text, tk.Start, next.End, UnitKind.Possessive)); i++; continue; }
                    if (nl == "t" && units[^1].Lower.EndsWith('n') && units[^1].Length() > 1)
                    {
                        var p = units[^1];
                        units[^1] = Make(text, p.Start, p.End - 1, UnitKind.Word);
                        units.Add(Make(text, p.End - 1, next.End, UnitKind.Negation));
                        i++;
                        continue;
                    }
                    if (nl is "ll" or "re" or "ve" or "d" or "m") { units.Add(Make(text, tk.Start, next.End, UnitKind.Word)); i++; continue; }
                    var prev = units[^1];   // O'Brien, D'Amato: one name
                    units[^1] = Make(text, prev.Start, next.End, UnitKind.Word);
                    i++;
                    continue;
                }
                if (units[^1].Lower.EndsWith('s')) { units.Add(Make(text, tk.Start, tk.End, UnitKind.Possessive)); continue; }
            }

            if (lower is "'s" or "\u2019s") { units.Add(Make(text, tk.Start, tk.End, UnitKind.Possessive)); continue; }
            if (lower is "n't" or "n\u2019t") { units.Add(Make(text, tk.Start, tk.End, UnitKind.Negation)); continue; }
            if (tk.Kind == TokenKind.Word && (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("\u2019s", StringComparison.Ordinal)) && lower.Length > 2)
            {
                units.Add(Make(text, tk.Start, tk.End - 2, UnitKind.Word));
                units.Add(Make(text, tk.End - 2, tk.End, UnitKind.Possessive));
                continue;
            }

            // A tokenizer that splits "U.S." or "Mr.": glue the period back onto the abbreviation.
            if (s == "." && prevWord && units[^1].Kind == UnitKind.Word)
            {
                var p = units[^1].Lower;
                if (p.Length == 1 || Abbreviations.Contains(p) || IsLetterDotChain(p))
                {
                    units[^1] = Make(text, units[^1].Start, tk.End, UnitKind.Word);
                    continue;
                }
            }
            if (tk.Kind == TokenKind.Word && s.Length == 1 && char.IsLetter(s[0]) && adjPrev && IsLetterDotChain(units[^1].Lower) && units[^1].Lower.EndsWith('.'))
            {
                units[^1] = Make(text, units[^1].Start, tk.End, UnitKind.Word);
                continue;
            }

            var kind = tk.Kind switch
            {
                TokenKind.Word => UnitKind.Word,
                TokenKind.Number => UnitKind.Number,
                TokenKind.Quote => UnitKind.Quote,
                TokenKind.Punctuation => UnitKind.Punct,
                _ => UnitKind.Other,
            };
            // Some tokenizers mark an apostrophe-led word ("'em") as Quote; only real quote characters count.
            if (kind == UnitKind.Quote && s.Length != 1 && s is not ("''" or "``")) kind = UnitKind.Word;
            // The token's own text and lower case, already made above (Make would cut and lower them again).
            units.Add(new Unit(tk.Start, tk.End, s, lower, kind, sets));
        }
        return units.ToArrayAndClear();
    }

    [ThreadStatic] private static UnitList? t_scratch;
    [ThreadStatic] private static StringTable? t_strings;

    /// <summary>
    /// This thread's strings for words outside <see cref="UnitLexicon"/>: per distinct text, its string and its lower
    /// case (perf only: a string is a string, whichever instance). News repeats its words: a new string (two for a
    /// capitalised word) per token made the unit strings the largest share of what a corpus run allocated. Keyed by
    /// the lower-case hash <see cref="LowerAscii"/> already computed, so a hit costs one probe and one comparison of the
    /// text (a HashSet hashed each text again, which cost more than the strings it saved). Open addressing, no removal;
    /// once half full it keeps what it has and later new words get strings of their own, so memory stays bounded
    /// (~1-2 MB per thread).
    /// </summary>
    private sealed class StringTable
    {
        private const int SlotBits = 15, Slots = 1 << SlotBits, MaxCount = Slots / 2;
        private readonly uint[] _hash = new uint[Slots];
        private readonly string?[] _text = new string?[Slots];
        private readonly string?[] _lower = new string?[Slots];
        private int _count;

        /// <param name="text">The word as written.</param>
        /// <param name="low">Its ASCII lower case; <paramref name="changed"/>: whether it differs from <paramref name="text"/>.</param>
        /// <param name="hash">The hash of <paramref name="low"/> (equal texts, equal hashes).</param>
        public void Get(ReadOnlySpan<char> text, ReadOnlySpan<char> low, bool changed, uint hash, out string s, out string lower)
        {
            // Fibonacci hashing: the top bits of the product mix every bit of the FNV hash into the slot.
            int slot = (int)((hash * 2654435769u) >> (32 - SlotBits));
            while (_text[slot] is { } known)
            {
                if (_hash[slot] == hash && text.SequenceEqual(known))
                {
                    s = known;
                    lower = _lower[slot]!;
                    return;
                }
                slot = (slot + 1) & (Slots - 1);
            }
            s = new string(text);
            lower = changed ? new string(low) : s;
            if (_count >= MaxCount) return;
            _hash[slot] = hash;
            _lower[slot] = lower;
            _text[slot] = s;
            _count++;
        }
    }

    /// <summary>A growable unit list kept per thread across articles (its references are cleared after each).</summary>
    private sealed class UnitList
    {
        private Unit[] _items = new Unit[256];

        public int Count { get; private set; }

        public void Reset(int expected)
        {
            Count = 0;
            if (_items.Length < expected) _items = new Unit[Math.Max(expected, _items.Length * 2)];
        }

        public void Add(in Unit u)
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            _items[Count++] = u;
        }

        public ref Unit this[Index i] => ref _items[i.GetOffset(Count)];

        public Unit[] ToArrayAndClear()
        {
            var result = _items.AsSpan(0, Count).ToArray();
            // Drop the strings so a long-lived thread does not keep the last article's text alive.
            Array.Clear(_items, 0, Count);
            Count = 0;
            return result;
        }
    }

    // "u.s", "u.s.", "d.c" — single letters joined by periods.
    private static bool IsLetterDotChain(string s)
    {
        if (s.Length < 2) return false;
        for (int i = 0; i < s.Length; i++)
        {
            bool letterPos = i % 2 == 0;
            if (letterPos ? !char.IsLetter(s[i]) : s[i] != '.') return false;
        }
        return true;
    }

    private static (int, int)[] MapSentences(TokenizedText tt, Unit[] units)
    {
        var ranges = new (int, int)[tt.Sentences.Count];
        int u = 0;
        for (int s = 0; s < ranges.Length; s++)
        {
            var sent = tt.Sentences[s];
            while (u < units.Length && units[u].Start < sent.Start) u++;
            int first = u;
            while (u < units.Length && units[u].Start < sent.End) u++;
            ranges[s] = (first, u);
        }
        return ranges;
    }

    private static bool IsDouble(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>
    /// Curly marks say which way they face; a straight mark opens when it follows whitespace (or an
    /// opening bracket/dash/colon) and is followed by a non-space. Double quotes pair across the
    /// article; single quotes only within a sentence, since apostrophes make them unreliable.
    /// </summary>
    private static (List<QuoteRegion>, int[], int[], int[]) PairQuotes(string text, Unit[] units, (int First, int End)[] sentences)
    {
        var regions = new List<QuoteRegion>();
        var inside = new int[units.Length];
        var closing = new int[units.Length];
        var opening = new int[units.Length];
        // A loop, not Array.Fill: Fill over int is framework generic code the ReadyToRun build lacks (round 20).
        for (int i = 0; i < units.Length; i++) inside[i] = closing[i] = opening[i] = -1;

        int openDouble = -1;
        int openSingle = -1;
        int sentence = 0;
        for (int i = 0; i < units.Length; i++)
        {
            while (sentence < sentences.Length && i >= sentences[sentence].End) { sentence++; openSingle = -1; }
            if (units[i].Kind != UnitKind.Quote) continue;
            char c = units[i].Text.Length == 2 ? '"' : units[i].Text[0];   // '' and `` act as a straight double mark
            bool opens = c switch
            {
                '\u201C' or '\u2018' or '\u00AB' or '\u201E' => true,
                '\u201D' or '\u2019' or '\u00BB' => false,
                _ => (units[i].Start == 0 || char.IsWhiteSpace(text[units[i].Start - 1]) || text[units[i].Start - 1] is '(' or '[' or '\u2014' or '\u2013' or ':')
                     && units[i].End < text.Length && !char.IsWhiteSpace(text[units[i].End]),
            };
            ref int open = ref IsDouble(c) ? ref openDouble : ref openSingle;
            if (opens) { open = i; continue; }
            if (open < 0) continue;
            // A quotation does not run over a paragraph break: news style reopens the quote in the next
            // paragraph, and an unmatched mark must not swallow the rest of the article.
            if (text.AsSpan(units[open].End, units[i].Start - units[open].End).Contains('\n')) { open = -1; continue; }
            int r = regions.Count;
            regions.Add(new QuoteRegion(open, i));
            opening[open] = r;
            closing[i] = r;
            for (int k = open + 1; k < i; k++) if (inside[k] < 0) inside[k] = r;
            open = -1;
        }
        return (regions, inside, closing, opening);
    }
}

/// <summary>
/// <see cref="string.ToLowerInvariant"/> with a fast path for ASCII, the case of nearly every word:
/// the runtime's invariant lower-casing looks each character up in the Unicode case tables one at a
/// time, and the rules lower-case every token. Same result: an ASCII string lowers A-Z to a-z and
/// keeps every other character (and comes back as the same instance when nothing changes, as
/// ToLowerInvariant does); anything else goes to ToLowerInvariant itself.
/// </summary>
internal static class AsciiCase
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ToLowerInvariant(string s)
    {
        // One scalar pass: tokens are short, so this beats two vectorised scans with their set-up.
        bool upper = false;
        foreach (char c in s)
        {
            if (c >= '\u0080') return s.ToLowerInvariant();
            upper |= (uint)(c - 'A') <= 'Z' - 'A';
        }
        if (!upper) return s;
        return string.Create(s.Length, s, static (dst, src) => System.Text.Ascii.ToLower(src, dst, out _));
    }
}

internal static class UnitExtensions
{
    public static int Length(this Unit u) => u.End - u.Start;
}

/// <summary>
/// One article's unit view, mention parser and article-wide name scan, built once and shared by the
/// extractors that run on the same text (the rules and the learned tagger in <see cref="HybridClaimExtractor"/>).
/// Each extractor resolves speakers with its own <see cref="NewResolver"/> fork, so sharing changes no answer.
/// Not thread-safe; made per article and dropped after it.
/// </summary>
internal sealed class ArticleView(TokenizedText text, PersonNames? names = null)
{
    private MentionResolver? _seed;

    public UnitView View { get; } = new(text);

    public MentionParser Parser => field ??= new MentionParser(View);

    /// <summary>A resolver that has resolved nothing yet (the article scan is done on first use).</summary>
    public MentionResolver NewResolver() => (_seed ??= new MentionResolver(View, Parser, names?.For(text))).Fork(SortEveryCall);

    /// <summary>Tests only: resolvers keep their people as before round 21, sorting on every call (see <c>MentionResolver.Remember</c>).</summary>
    internal bool SortEveryCall { get; init; }

    /// <summary>Index of the first unit that ends after <paramref name="position"/> (units are sorted and do not overlap); Units.Length when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FirstUnitEndingAfter(int position)
    {
        var units = View.Units;
        int lo = 0, hi = units.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (units[mid].End <= position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
