using System.Buffers;

namespace ContradictionNlp.Pairing;

/// <summary>
/// Tells a verbatim repeat: two contents with the same words in the same order, ignoring case, punctuation and spacing
/// ("Taxes will not rise." and "taxes will not rise"), or one content's words said again inside the other's
/// (<see cref="PartOf"/>: "the number of blogs in existence" and "the number of blogs in existence has exceeded 4.8
/// million"). A speaker who repeats the same words is not contradicting himself, so the pipeline does not pair a claim
/// with its repeats (<see cref="Pipeline.PipelineOptions.PairRepeats"/>).
/// Why it matters: syndicated and re-published articles repeat a claim verbatim, and the scorer's word-level cues can
/// fire inside one sentence seen twice ("old"/"new" in the same sentence read as an antonym across the pair). On the
/// BBC corpus 373 of 69,046 candidate pairs were repeats, 3 of them flagged, all three such false alarms (round 17).
/// Partial repeats (round 25): 122 of the 3,294 BBC pairs that passed the topic gate, 12 of them flagged, none of the
/// 122 a contradiction when read (a nested claim of one sentence seen as two, "Mr Ebbers" inside a longer content,
/// an article's update quoting more of the same sentence).
/// </summary>
public static class VerbatimRepeat
{
    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> have the same sequence of words, a word being a maximal
    /// run of letters, digits or connector punctuation (as regex <c>\w+</c>), compared case-insensitively (invariant
    /// culture). Allocation-free: both strings are walked once.
    /// </summary>
    public static bool SameWords(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !IsWord(a[i])) i++;
            while (j < b.Length && !IsWord(b[j])) j++;
            if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
            // One word from each side: equal letter by letter and ending together.
            while (i < a.Length && j < b.Length && IsWord(a[i]) && IsWord(b[j]))
            {
                if (a[i] != b[j] && char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j])) return false;
                i++; j++;
            }
            bool endA = i == a.Length || !IsWord(a[i]), endB = j == b.Length || !IsWord(b[j]);
            if (endA != endB) return false;
        }
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are the same words (<see cref="SameWords"/>) or one of
    /// them is part of the other (<see cref="PartOf"/>, either way round): what the pipeline does not pair.
    /// </summary>
    public static bool Repeats(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        SameWords(a, b) || PartOf(a, b) || PartOf(b, a);

    /// <summary>
    /// True when the words of <paramref name="part"/> (one or more) stand, in order and one after another, among the
    /// words of <paramref name="whole"/> (words and case as in <see cref="SameWords"/>), and what <paramref name="whole"/>
    /// adds right around them turns nothing: no negation, denial or condition among the <see cref="WordsBefore"/> words
    /// before the run or the <see cref="WordsAfter"/> after it (<see cref="Turning"/>). The whole then says what the part
    /// says and more. "Taxes will rise" is part of "taxes will rise again", but not of "it is not true that taxes will
    /// rise", "taxes will rise no further" or "taxes will rise if we lose": those can contradict it or make it
    /// conditional, so they stay for the scorer. Where the run occurs more than once, any turn-free occurrence counts.
    /// </summary>
    public static bool PartOf(ReadOnlySpan<char> part, ReadOnlySpan<char> whole)
    {
        int[]? rentP = null, rentW = null;
        try
        {
            // Word bounds as (start, end) pairs: two ints per word, at most one word per two characters plus one.
            int capP = part.Length + 2, capW = whole.Length + 2;
            Span<int> p = capP <= 256 ? stackalloc int[capP] : (rentP = ArrayPool<int>.Shared.Rent(capP));
            Span<int> w = capW <= 512 ? stackalloc int[capW] : (rentW = ArrayPool<int>.Shared.Rent(capW));
            int np = Bounds(part, p), nw = Bounds(whole, w);
            if (np == 0 || np > nw) return false;
            for (int s = 0; s + np <= nw; s++)
            {
                int k = 0;
                while (k < np && Equal(part, p[2 * k], p[2 * k + 1], whole, w[2 * (s + k)], w[2 * (s + k) + 1])) k++;
                if (k < np) continue;
                bool turned = false;
                for (int i = Math.Max(0, s - WordsBefore); i < s && !turned; i++) turned = Turning(whole[w[2 * i]..w[2 * i + 1]]);
                for (int i = s + np; i < Math.Min(nw, s + np + WordsAfter) && !turned; i++) turned = Turning(whole[w[2 * i]..w[2 * i + 1]]);
                if (!turned) return true;
            }
            return false;
        }
        finally
        {
            if (rentP is not null) ArrayPool<int>.Shared.Return(rentP);
            if (rentW is not null) ArrayPool<int>.Shared.Return(rentW);
        }
    }

    /// <summary>How many of the whole's words before a shared run are looked at for a turn ("it is not true that X": 3 reach "not").</summary>
    public const int WordsBefore = 3;

    /// <summary>How many of the whole's words after a shared run are looked at for a turn ("X no further", "X unless ...").</summary>
    public const int WordsAfter = 2;

    /// <summary>
    /// Words that, next to a repeated run, can turn it: negations ("not", "n't" seen as the word "t" after an apostrophe,
    /// "never"), denials ("denied that X", "false", "untrue", "wrong") and conditions or restrictions ("if", "unless", "only").
    /// </summary>
    private static readonly HashSet<string> TurningWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "t", "cannot",
        "deny", "denies", "denied", "denying", "false", "untrue", "wrong", "lie", "lies", "reject", "rejects", "rejected",
        "if", "unless", "only", "except",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TurningLookup = TurningWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a word of <see cref="TurningWords"/>, any case.</summary>
    private static bool Turning(ReadOnlySpan<char> word) => TurningLookup.Contains(word);

    /// <summary>Writes each word's start and end into <paramref name="bounds"/>; returns the number of words.</summary>
    private static int Bounds(ReadOnlySpan<char> text, Span<int> bounds)
    {
        int n = 0, i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWord(text[i])) i++;
            if (i == text.Length) break;
            int start = i;
            while (i < text.Length && IsWord(text[i])) i++;
            bounds[2 * n] = start;
            bounds[2 * n + 1] = i;
            n++;
        }
        return n;
    }

    /// <summary>Word [s1, e1) of <paramref name="a"/> equals word [s2, e2) of <paramref name="b"/>, ignoring case as <see cref="SameWords"/> does.</summary>
    private static bool Equal(ReadOnlySpan<char> a, int s1, int e1, ReadOnlySpan<char> b, int s2, int e2)
    {
        if (e1 - s1 != e2 - s2) return false;
        for (int i = 0; i < e1 - s1; i++)
        {
            char x = a[s1 + i], y = b[s2 + i];
            if (x != y && char.ToLowerInvariant(x) != char.ToLowerInvariant(y)) return false;
        }
        return true;
    }

    /// <summary>FNV-1a hashes of the lower-cased words of <paramref name="text"/> (words as in <see cref="SameWords"/>), in order.</summary>
    internal static ulong[] WordHashes(string text)
    {
        var bounds = ArrayPool<int>.Shared.Rent(text.Length + 2);
        try
        {
            int n = Bounds(text, bounds);
            var hashes = new ulong[n];
            for (int k = 0; k < n; k++)
            {
                ulong h = 14695981039346656037UL;
                for (int i = bounds[2 * k]; i < bounds[2 * k + 1]; i++) h = (h ^ char.ToLowerInvariant(text[i])) * 1099511628211UL;
                hashes[k] = h;
            }
            return hashes;
        }
        finally { ArrayPool<int>.Shared.Return(bounds); }
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.NonSpacingMark;
}

/// <summary>
/// <see cref="VerbatimRepeat.Repeats(ReadOnlySpan{char}, ReadOnlySpan{char})"/> for the pipeline, which asks it of every
/// candidate pair (70,000 on bbc-news), each content meeting up to 50 others. The contents' word hashes are made once per
/// string instance and kept by reference, and the shorter's hash run is looked for in the longer's with a vectorised
/// <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>; only a hit (a repeat, or a hash
/// collision) walks the characters again. Same answers: equal words have equal hashes. Round 25: walking both texts'
/// characters for every pair cost the BBC run ~0.15 s; a <c>ConditionalWeakTable</c> cache still ~0.05 s (a GC handle
/// per content). Not thread-safe: one per pipeline, used by the pairing thread.
/// </summary>
public sealed class RepeatFinder
{
    private readonly Dictionary<string, ulong[]> _hashes = new(ReferenceEqualityComparer.Instance);

    /// <summary>Entries kept before the cache starts over (the answers do not depend on it).</summary>
    public int MaxEntries { get; init; } = 1 << 16;

    /// <summary>As <see cref="VerbatimRepeat.Repeats(ReadOnlySpan{char}, ReadOnlySpan{char})"/>.</summary>
    public bool Repeats(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ha = Hashes(a);
        var hb = Hashes(b);
        if (ha.Length == hb.Length) return ha.AsSpan().SequenceEqual(hb) && VerbatimRepeat.SameWords(a, b);
        var (part, whole, partText, wholeText) = ha.Length < hb.Length ? (ha, hb, a, b) : (hb, ha, b, a);
        return part.Length > 0 && whole.AsSpan().IndexOf(part) >= 0 && VerbatimRepeat.PartOf(partText, wholeText);
    }

    /// <summary>As <see cref="VerbatimRepeat.SameWords"/>: the same words, ignoring case and punctuation.</summary>
    public bool SameWords(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Hashes(a).AsSpan().SequenceEqual(Hashes(b)) && VerbatimRepeat.SameWords(a, b);
    }

    /// <summary>The FNV-1a hashes of <paramref name="text"/>'s lower-cased words, in order (kept; do not modify).</summary>
    internal ulong[] HashesOf(string text) => Hashes(text);

    private ulong[] Hashes(string text)
    {
        if (_hashes.TryGetValue(text, out var h)) return h;
        if (_hashes.Count >= MaxEntries) _hashes.Clear();
        return _hashes[text] = VerbatimRepeat.WordHashes(text);
    }
}

