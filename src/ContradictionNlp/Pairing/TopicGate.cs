using ContradictionNlp.Scoring;

namespace ContradictionNlp.Pairing;

/// <summary>
/// The cheap first step of the scoring cascade: two claims are "related" when they share at least
/// <see cref="MinShared"/> content-word stems (function words, negations, modals and quantifiers do
/// not count; "raise"/"raises"/"raised" do). Unrelated pairs cannot contradict in any way a reviewer
/// could check, and they are most same-speaker pairs. Thread-safe.
/// </summary>
public sealed class TopicGate(PairFeaturizer featurizer, int minShared = 1)
{
    public PairFeaturizer Featurizer { get; } = featurizer;
    public int MinShared { get; } = minShared >= 1 ? minShared : throw new ArgumentOutOfRangeException(nameof(minShared), minShared, "MinShared must be at least 1.");

    /// <summary>The sorted distinct content stems of <paramref name="text"/>; compute once per claim when scoring many pairs.</summary>
    public string[] Prepare(string text) => Featurizer.ContentStems(text);

    public bool Related(string a, string b) => Related(Prepare(a), Prepare(b));

    /// <summary>As <see cref="Related(string, string)"/> from prepared texts (their stems are reused when this gate's featurizer made them).</summary>
    public bool Related(PreparedText a, PreparedText b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Related(StemsOf(a), StemsOf(b));
    }

    private string[] StemsOf(PreparedText t) => ReferenceEquals(t.Featurizer, Featurizer) ? t.ContentStemsShared : Prepare(t.Text);

    /// <summary>Merge-walk over two sorted stem arrays: no allocation, linear time.</summary>
    public bool Related(string[] a, string[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0) { if (++shared >= MinShared) return true; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return false;
    }
}
