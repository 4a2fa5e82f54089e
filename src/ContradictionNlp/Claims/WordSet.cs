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
}
