using ContradictionNlp.Scoring;

namespace ContradictionNlp.Pairing;

/// <summary>
/// The cheap first step of the scoring cascade: two claims are "related" when they share at least
/// <see cref="MinShared"/> content-word stems (function words, negations, modals, quantifiers and single
/// letters do not count; "raise"/"raises"/"raised" do). Unrelated pairs cannot contradict in any way a reviewer
/// could check, and they are most same-speaker pairs. Thread-safe.
/// </summary>
/// <param name="minSharedFraction">
/// Round 27: also share at least this fraction of the shorter claim's countable content stems (0: only
/// <paramref name="minShared"/> counts). Two long quotes on one topic share two or three words by chance; see
/// <see cref="PairScorer.DefaultMinSharedFraction"/>.
/// </param>
public sealed class TopicGate(PairFeaturizer featurizer, int minShared = 1, double minSharedFraction = 0)
{
    public PairFeaturizer Featurizer { get; } = featurizer;
    public int MinShared { get; } = minShared >= 1 ? minShared : throw new ArgumentOutOfRangeException(nameof(minShared), minShared, "MinShared must be at least 1.");
    public double MinSharedFraction { get; } = minSharedFraction is >= 0 and <= 1 ? minSharedFraction : throw new ArgumentOutOfRangeException(nameof(minSharedFraction), minSharedFraction, "MinSharedFraction must be in [0, 1].");

    /// <summary>Shared stems needed by two texts with this many countable stems each (<see cref="MinShared"/>, and the fraction of the shorter).</summary>
    private int Needed(int countA, int countB) =>
        Math.Max(MinShared, (int)Math.Ceiling(MinSharedFraction * Math.Min(countA, countB) - 1e-9));

    /// <summary>The sorted distinct content stems of <paramref name="text"/>; compute once per claim when scoring many pairs.</summary>
    public string[] Prepare(string text) => Featurizer.ContentStems(text);

    public bool Related(string a, string b) => Related(Prepare(a), Prepare(b));

    /// <summary>As <see cref="Related(string, string)"/> from prepared texts (their stems are reused when this gate's featurizer made them).</summary>
    public bool Related(PreparedText a, PreparedText b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a.Featurizer, Featurizer) && ReferenceEquals(b.Featurizer, Featurizer))
            return Related(GateIdsOf(a), GateIdsOf(b));
        return Related(StemsOf(a), StemsOf(b));
    }

    /// <summary>
    /// SCORE14: the pipeline asks the gate about every candidate pair (70,223 on the BBC run, a few percent pass), each a
    /// merge walk comparing stem strings ordinally. A prepared text keeps its content stems as integer ids instead (made
    /// on its first gate check; single letters left out, as they never count), and the walk compares ints. Ids stand for
    /// stems one to one (an ordinal dictionary), so two texts share as many ids as countable stems, and the answer is the
    /// same; which id a stem gets (order of first sight, so per process and thread timing) does not matter. Process-wide,
    /// so any gate may read ids another gate made; it grows with the distinct content stems seen, as the lexicon's caches do.
    /// Values are boxed in a class of their own: the framework's concurrent dictionary code over (string, int) is not in the
    /// ReadyToRun image (JIT-compiled in every run), over two reference types it is.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StemId> StemIds = new(StringComparer.Ordinal);

    private sealed class StemId(int value)
    {
        public int Value { get; } = value;
    }

    private static int[] GateIdsOf(PreparedText t)
    {
        if (t.GateStemIds is { } done) return done;
        // Read from the content words (SCORE15): the featurizer keeps each vocabulary word's stem id, so only a stem first
        // met in this process (or a word outside the vocabulary) is looked up here; the same sorted distinct ids.
        var ids = t.Featurizer.ContentStemIds(t, IdOfStem);
        t.GateStemIds = ids;
        return ids;
    }

    /// <summary>The stem's process-wide id, or 0 for a single letter (never counted, so left out of a text's ids).</summary>
    private static int StemIdOf(string stem) =>
        IsLetterInitial(stem) ? 0 : (StemIds.TryGetValue(stem, out var id) ? id : StemIds.GetOrAdd(stem, _ => new StemId(NextStemId()))).Value;

    private static readonly Func<string, int> IdOfStem = StemIdOf;

    private static int _nextStemId;
    private static int NextStemId() => Interlocked.Increment(ref _nextStemId);

    /// <summary>Merge walk over two sorted arrays of distinct stem ids (single letters already left out).</summary>
    private bool Related(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0, needed = Needed(a.Length, b.Length);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { if (++shared >= needed) return true; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return false;
    }

    private string[] StemsOf(PreparedText t) => ReferenceEquals(t.Featurizer, Featurizer) ? t.ContentStemsShared : Prepare(t.Text);

    /// <summary>
    /// A single letter ("u" and "s" of "U.S." or "U-S-A!") is not a topic: on PolNeAR dev such initials were the only
    /// shared stems of the sobriety sample's top flag (a Benghazi claim vs the chant "U-S-A! U-S-A!", P(C) 0.91).
    /// A single digit still counts (numbers are what many contradictions are about).
    /// </summary>
    private static bool IsLetterInitial(string stem) => stem.Length == 1 && char.IsLetter(stem[0]);

    private static int Countable(string[] stems)
    {
        int n = 0;
        foreach (var s in stems) if (!IsLetterInitial(s)) n++;
        return n;
    }

    /// <summary>Merge-walk over two sorted stem arrays: no allocation, linear time. Single-letter stems are not counted.</summary>
    public bool Related(string[] a, string[] b)
    {
        int i = 0, j = 0, shared = 0;
        int needed = MinSharedFraction > 0 ? Needed(Countable(a), Countable(b)) : MinShared;
        while (i < a.Length && j < b.Length)
        {
            var c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0) { if (!IsLetterInitial(a[i]) && ++shared >= needed) return true; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return false;
    }
}
