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
internal static class UnitLexicon
{
    /// <summary>Bit of a lower-case verb form of any cue class (<see cref="CueLexicon.IsCueVerbLower(string)"/>).</summary>
    public static readonly ulong CueVerb;
    /// <summary>Bit of a lower-case cue noun form (<see cref="CueLexicon.IsCueNounLower"/>).</summary>
    public static readonly ulong CueNoun;
    /// <summary>Bit of a lower-case speech verb form (<see cref="CueLexicon.IsSpeechVerbLower"/>).</summary>
    public static readonly ulong SpeechVerb;
    /// <summary>Bit of a word that <see cref="MentionLexicon.IsSourceOrTitle"/> accepts.</summary>
    public static readonly ulong SourceOrTitle;

    private static readonly Dictionary<string, ulong> Masks = new(StringComparer.Ordinal);
    /// <summary>The sets that answer from unit bits, in bit order (set i has bit 1 &lt;&lt; i).</summary>
    internal static IReadOnlyList<WordSet> Sets { get; }
    /// <summary>Every word in the table (for tests: a text of them exercises every bit).</summary>
    internal static IEnumerable<string> Words => Masks.Keys;
    private static readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> BySpan;
    /// <summary>Longest word in the table: a longer word is in no list, without a look-up.</summary>
    public static readonly int MaxLength;

    static UnitLexicon()
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
        int next = 0;
        foreach (var set in sets)
        {
            ulong bit = 1UL << next++;
            foreach (var w in set.Members) Add(w, bit);
        }
        CueVerb = 1UL << next++;
        foreach (var w in CueLexicon.AnyVerbFormKeys) Add(w, CueVerb);
        CueNoun = 1UL << next++;
        foreach (var w in CueLexicon.NounFormKeys) Add(w, CueNoun);
        SpeechVerb = 1UL << next++;
        foreach (var w in CueLexicon.SpeechVerbFormKeys) Add(w, SpeechVerb);
        // IsSourceOrTitle also takes a plural ("senators"): every word it accepts is a member or a member
        // plus "s"; the table holds both, each tested with IsSourceOrTitle itself.
        SourceOrTitle = 1UL << next++;
        foreach (var w in MentionLexicon.SourceNouns.Members.Concat(MentionLexicon.Titles.Members).ToArray())
        {
            if (MentionLexicon.IsSourceOrTitle(w)) Add(w, SourceOrTitle);
            if (MentionLexicon.IsSourceOrTitle(w + "s")) Add(w + "s", SourceOrTitle);
        }
        // Bits are handed to the sets last: until then every set answered from its hash set.
        for (int i = 0; i < sets.Length; i++) sets[i].AssignBit(1UL << i);
        Sets = sets;
        foreach (var w in Masks.Keys) MaxLength = Math.Max(MaxLength, w.Length);
        BySpan = Masks.GetAlternateLookup<ReadOnlySpan<char>>();

        static void Add(string w, ulong bit) => Masks[w] = Masks.GetValueOrDefault(w) | bit;
    }

    /// <summary>The mask of a lower-case word: the bits of every list that holds it, 0 when none does.</summary>
    public static ulong MaskOf(string lower) => lower.Length <= MaxLength ? Masks.GetValueOrDefault(lower) : 0;

    /// <summary>The table's own instance of a lower-case word and its mask; false when the word is in no list.</summary>
    public static bool TryGet(ReadOnlySpan<char> lower, out string word, out ulong mask)
    {
        if (lower.Length <= MaxLength && BySpan.TryGetValue(lower, out var actual, out mask)) { word = actual; return true; }
        word = "";
        mask = 0;
        return false;
    }
}
