namespace ContradictionNlp.Pairing;

/// <summary>
/// Tells a verbatim repeat: two contents with the same words in the same order, ignoring case, punctuation and spacing
/// ("Taxes will not rise." and "taxes will not rise"). A speaker who repeats the same words is not contradicting
/// himself, so the pipeline does not pair a claim with its repeats (<see cref="Pipeline.PipelineOptions.PairRepeats"/>).
/// Why it matters: syndicated and re-published articles repeat a claim verbatim, and the scorer's word-level cues can
/// fire inside one sentence seen twice ("old"/"new" in the same sentence read as an antonym across the pair). On the
/// BBC corpus 373 of 69,046 candidate pairs were repeats, 3 of them flagged, all three such false alarms (round 17).
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

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.NonSpacingMark;
}
