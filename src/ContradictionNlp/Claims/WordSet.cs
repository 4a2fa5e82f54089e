using System.Runtime.CompilerServices;

namespace ContradictionNlp.Claims;

/// <summary>
/// A fixed set of words, compared ordinally, for the word lists the rules consult on nearly every
/// token (<see cref="MentionLexicon"/>). Most words asked about are in no list, so before hashing a
/// word the set checks, from two masks per first letter, whether any member has that first letter
/// and that length, and that first letter and that last letter; only a word that passes is looked
/// up. The answer is always the lookup's: the masks only skip lookups that cannot succeed.
/// </summary>
internal sealed class WordSet
{
    // Index 0-25: first letter a-z; 26: any other first character. Bit n: some member of length n
    // (n < 63) starts so; bit 63: some member of length 63 or more does.
    private readonly ulong[] _lengths = new ulong[27];
    // Same index; bit k (0-25: last letter a-z, 26: any other last character): some member starting
    // so ends so.
    private readonly uint[] _lasts = new uint[27];
    private readonly bool _hasEmpty;
    private readonly HashSet<string> _words;

    public WordSet(IEnumerable<string> words)
    {
        _words = new HashSet<string>(words, StringComparer.Ordinal);
        foreach (var w in _words)
        {
            if (w.Length == 0) { _hasEmpty = true; continue; }
            _lengths[Slot(w[0])] |= 1UL << Math.Min(w.Length, 63);
            _lasts[Slot(w[0])] |= 1u << Slot(w[^1]);
        }
    }

    public static WordSet Of(params string[] words) => new(words);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(char c) => (uint)(c - 'a') <= 'z' - 'a' ? c - 'a' : 26;

    /// <summary>False when no member has the word's first letter and length (so <see cref="Contains"/> is false); true otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(string word)
    {
        if (word.Length == 0) return _hasEmpty;
        int first = Slot(word[0]);
        return (_lengths[first] & (1UL << Math.Min(word.Length, 63))) != 0 && (_lasts[first] & (1u << Slot(word[^1]))) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(string word) => MayContain(word) && _words.Contains(word);

    // This set's bit in Unit.Sets (see UnitLexicon), or 0 for a set UnitLexicon does not cover.
    private ulong _bit;

    internal IReadOnlyCollection<string> Members => _words;

    /// <summary>Called once, by UnitLexicon's static constructor, before any unit carries this set's bit.</summary>
    internal void AssignBit(ulong bit) => _bit = bit;

    /// <summary>
    /// <see cref="Contains(string)"/> of the unit's lower case, answered from the membership bits the
    /// unit view computed once per unit (one table look-up a unit instead of one a question); a set
    /// without a bit asks its hash set as before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(in Unit u)
    {
        var bit = _bit;
        return bit != 0 ? (u.Sets & bit) != 0 : Contains(u.Lower);
    }
}

/// <summary>
/// Every word of the word lists the rules ask about per unit (<see cref="MentionLexicon"/>'s sets, the
/// parser's post-modifier prepositions, the cue-verb and cue-noun forms), each with a bit mask of the
/// lists that hold it. The unit view looks each unit's lower case up once and stores the mask in
/// <see cref="Unit.Sets"/>; a list question about a unit is then one bit test. A word in no list has
/// mask 0, so the answers are exactly those of the lists themselves. For a word in some list the table
/// also gives one shared string instance, so such units (mostly short function words) need no new
/// lower-case string.
/// </summary>
/// <remarks>
/// The bits are constants and the table one object read once per article: code compiled before this
/// class is initialised (cnlp compiles every method once, fully optimised, on first call) would
/// otherwise test the class's initialisation on every static field read in the per-token loop.
/// </remarks>
internal sealed class UnitLexicon
{
    /// <summary>Number of <see cref="WordSet"/>s with a bit: bits 0 to SetCount - 1.</summary>
    public const int SetCount = 24;
    /// <summary>Bit of a lower-case verb form of any cue class (<see cref="CueLexicon.IsCueVerbLower(string)"/>).</summary>
    public const ulong CueVerb = 1UL << SetCount;
    /// <summary>Bit of a lower-case cue noun form (<see cref="CueLexicon.IsCueNounLower"/>).</summary>
    public const ulong CueNoun = 1UL << (SetCount + 1);
    /// <summary>Bit of a lower-case speech verb form (<see cref="CueLexicon.IsSpeechVerbLower"/>).</summary>
    public const ulong SpeechVerb = 1UL << (SetCount + 2);
    /// <summary>Bit of a word that <see cref="MentionLexicon.IsSourceOrTitle(string)"/> accepts.</summary>
    public const ulong SourceOrTitle = 1UL << (SetCount + 3);

    /// <summary>FNV-1a over UTF-16 code units; <see cref="UnitView"/> computes it while lowering a token.</summary>
    public const uint HashSeed = 2166136261;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashStep(uint h, char c) => (h ^ c) * 16777619;

    /// <summary>The one table (built on first use).</summary>
    public static readonly UnitLexicon Table = new();

    // Values are boxes, not ulongs: Dictionary<string, ulong> is framework generic code over a value type, which the
    // ReadyToRun build cannot precompile (every cnlp run JIT-compiled it while building this table).
    private readonly Dictionary<string, MaskBox> _masks = new(StringComparer.Ordinal);

    private sealed class MaskBox(ulong mask)
    {
        public ulong Mask = mask;
    }
    /// <summary>The sets that answer from unit bits, in bit order (set i has bit 1 &lt;&lt; i).</summary>
    public IReadOnlyList<WordSet> Sets { get; }
    /// <summary>Every word in the table (for tests: a text of them exercises every bit).</summary>
    public IEnumerable<string> Words => _masks.Keys;
    /// <summary>Longest word in the table: a longer word is in no list, without a look-up.</summary>
    public readonly int MaxLength;

    // The same words in an open-addressing table (linear probing, at most half full) keyed by
    // HashStep over the characters, so the unit view can look up a lower-cased stack buffer without
    // making a string and without the dictionary's interface calls. A slot holds a 16-bit tag (high
    // hash bits) and 1 + the index of its entry in a dense array (0 = empty); an entry keeps a word of
    // up to 8 letters inline, so a hit on a short word compares two integers and never reads the
    // word's string (the tagger's tables evict the table's lines between articles: reads are misses).
    private readonly uint[] _slots;
    private readonly Entry[] _entries;
    private readonly int _slotMask;

    private readonly struct Entry(string word, ulong mask)
    {
        public readonly string Word = word;
        public readonly int Length = word.Length;
        public readonly ulong Mask = mask;
        public readonly ulong C0 = Pack(word, 0), C1 = Pack(word, 4);
    }

    /// <summary>Characters [from, from + 4) of a word of up to 8 characters as one integer, zero past its end; 0 for a longer word.</summary>
    private static ulong Pack(ReadOnlySpan<char> w, int from)
    {
        if (w.Length > 8) return 0;
        ulong v = 0;
        for (int k = 3; k >= 0; k--) v = (v << 16) | (from + k < w.Length ? w[from + k] : 0u);
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Tag(uint hash) => (hash >> 16) | 1;

    // A Bloom filter over the words' hashes (8 KB, two bits a word): a word whose bits are not both set
    // is in no list, and the table itself is not touched. Most words are in no list, and the filter is
    // small enough to stay in cache across the per-token look-ups, where the table's lines are cold.
    private readonly ulong[] _bloom = new ulong[1024];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int, ulong, int, ulong) BloomBits(uint hash) =>
        ((int)((hash >> 16) & 1023), 1UL << (int)(hash & 63), (int)((hash >> 6) & 1023), 1UL << (int)((hash >> 26) & 63));

    /// <summary>Single ASCII characters (punctuation, "a", "I") as shared strings, with their lower case and bits.</summary>
    public readonly string[] OneChar = new string[128];
    public readonly string[] OneCharLower = new string[128];
    public readonly ulong[] OneCharSets = new ulong[128];

    private UnitLexicon()
    {
        WordSet[] sets =
        [
            MentionLexicon.Titles, MentionLexicon.Nationalities, MentionLexicon.SourceNouns, MentionLexicon.WeakSourceNouns,
            MentionLexicon.DocumentNouns, MentionLexicon.OrgWords, MentionLexicon.SubjectPronouns, MentionLexicon.PossessivePronouns,
            MentionLexicon.Determiners, MentionLexicon.Modifiers, MentionLexicon.CapitalisedFunctionWords, MentionLexicon.SkippableBeforeCue,
            MentionLexicon.Negators, MentionLexicon.BeForms, MentionLexicon.Prepositions, MentionLexicon.TimeWords,
            MentionLexicon.FiniteMarkers, MentionLexicon.NotSpeakerLabels, MentionLexicon.ObjectPronouns, MentionLexicon.NonClauseStarts,
            MentionLexicon.Places, MentionLexicon.MaleFirstNames, MentionLexicon.FemaleFirstNames, MentionParser.PostModifierPreps,
        ];
        if (sets.Length != SetCount) throw new InvalidOperationException($"UnitLexicon: {sets.Length} sets, SetCount says {SetCount}");
        for (int i = 0; i < sets.Length; i++)
            foreach (var w in sets[i].Members) Add(w, 1UL << i);
        foreach (var w in CueLexicon.AnyVerbFormKeys) Add(w, CueVerb);
        foreach (var w in CueLexicon.NounFormKeys) Add(w, CueNoun);
        foreach (var w in CueLexicon.SpeechVerbFormKeys) Add(w, SpeechVerb);
        // IsSourceOrTitle also takes a plural ("senators"): every word it accepts is a member or a member
        // plus "s"; the table holds both, each tested with IsSourceOrTitle itself.
        foreach (var w in MentionLexicon.SourceNouns.Members.Concat(MentionLexicon.Titles.Members).ToArray())
        {
            if (MentionLexicon.IsSourceOrTitle(w)) Add(w, SourceOrTitle);
            if (MentionLexicon.IsSourceOrTitle(w + "s")) Add(w + "s", SourceOrTitle);
        }
        foreach (var w in _masks.Keys) MaxLength = Math.Max(MaxLength, w.Length);
        int size = 16;
        while (size < _masks.Count * 2) size *= 2;
        if (_masks.Count >= 65535) throw new InvalidOperationException("UnitLexicon: too many words for 16-bit entry indices");
        _slots = new uint[size];
        _entries = new Entry[_masks.Count];
        _slotMask = size - 1;
        int n = 0;
        foreach (var (w, box) in _masks)
        {
            var m = box.Mask;
            uint h = HashSeed;
            foreach (var c in w) h = HashStep(h, c);
            int i = (int)(h & (uint)_slotMask);
            while (_slots[i] != 0) i = (i + 1) & _slotMask;
            _entries[n] = new Entry(w, m);
            _slots[i] = (Tag(h) << 16) | (uint)(n + 1);
            n++;
            var (w1, b1, w2, b2) = BloomBits(h);
            _bloom[w1] |= b1;
            _bloom[w2] |= b2;
        }
        for (int c = 0; c < 128; c++)
        {
            OneChar[c] = ((char)c).ToString();
            OneCharLower[c] = AsciiCase.ToLowerInvariant(OneChar[c]);
            OneCharSets[c] = MaskOf(OneCharLower[c]);
        }
        // Bits are handed to the sets last: until then every set answered from its hash set.
        for (int i = 0; i < sets.Length; i++) sets[i].AssignBit(1UL << i);
        Sets = sets;

        void Add(string w, ulong bit)
        {
            if (_masks.TryGetValue(w, out var box)) box.Mask |= bit;
            else _masks[w] = new MaskBox(bit);
        }
    }

    /// <summary>The mask of a lower-case word: the bits of every list that holds it, 0 when none does.</summary>
    public ulong MaskOf(string lower) => lower.Length <= MaxLength && _masks.TryGetValue(lower, out var box) ? box.Mask : 0;

    /// <summary>
    /// The table's own instance of a lower-case word and its mask, given the word's
    /// <see cref="HashStep"/> hash; false when the word is in no list. <paramref name="lower"/> must be
    /// followed in memory by zeros up to 8 characters (<paramref name="padded"/>: the word and its zero padding).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ReadOnlySpan<char> lower, ReadOnlySpan<char> padded, uint hash, out string word, out ulong mask)
    {
        var (w1, b1, w2, b2) = BloomBits(hash);
        var bloom = _bloom;
        if ((bloom[w1] & b1) != 0 && (bloom[w2] & b2) != 0)
        {
            var slots = _slots;
            uint tag = Tag(hash);
            bool small = lower.Length <= 8;
            ulong c0 = small ? Pack(padded, 0) : 0, c1 = small ? Pack(padded, 4) : 0;
            int i = (int)(hash & (uint)_slotMask);
            for (uint v; (v = slots[i]) != 0; i = (i + 1) & _slotMask)
            {
                if (v >> 16 != tag) continue;
                ref readonly var e = ref _entries[(int)(v & 0xFFFF) - 1];
                // Two words of the same length up to 8 are equal when their packed characters are.
                if (e.Length == lower.Length && (small ? e.C0 == c0 && e.C1 == c1 : lower.SequenceEqual(e.Word)))
                {
                    word = e.Word;
                    mask = e.Mask;
                    return true;
                }
            }
        }
        word = "";
        mask = 0;
        return false;
    }
}
