using System.Text.RegularExpressions;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Pairing;

/// <summary>
/// Figures about different periods do not contradict each other. Statistics bodies are the same speakers month after
/// month ("House prices fell 0.4% in October" / "House prices have risen 0.9% this year"), and the scorer reads two
/// numbers with "rose" and "fell" as a contradiction: on bbc-news such pairs were the top flags (Nationwide, Halifax,
/// the Office for National Statistics, 0.52-0.96), and an archive adds one more for every new monthly report.
/// <para>
/// The rule: when both contents state a figure (a digit) and name a period, and no period named in one is named in the
/// other, the pair is about different times and its contradiction probability moves to neutral, after a "period" reason
/// naming both periods. Periods are month names, years (1900-2099) and the year, month, quarter or week after a
/// determiner ("this year", "on the month", "a year earlier"); each is compared by what it names, so "7 March 2003" and
/// "March 17 2003" share both their month and their year, and "this year" and "last year" count as one (the rule errs
/// towards leaving a pair to the model). Contents without a figure ("will not raise taxes next year" /
/// "raised taxes this year") are left to the model: the rule is about figures, not about when things happen.
/// </para>
/// </summary>
public static partial class PeriodCheck
{
    // A month by name ("May" only next to a number: "may" is a modal, "May" a name), a year 1900-2099 that is not an
    // amount ("2005", not "2005%" or "2005m"), or a period unit after a determiner ("this year", "on the month", "a year
    // earlier", "the financial year") or in "year-on-year". Not a unit after a number or an adjective: "a three year
    // low", "annual inflation" and "the first monthly rise" describe a figure, not the period it covers.
    [GeneratedRegex(@"(?<month>\b(?:January|February|March|April|June|July|August|September|October|November|December|May(?=\s+\d)|(?<=\d\s)May)\b)|(?<year>\b(?:19|20)\d\d\b(?!\s*(?:%|per\b|bn\b|m\b|million\b|billion\b)))|\b(?i:(?:this|last|next|the|a|previous|past|current|same)\s+(?:(?:financial|calendar|fiscal|full)\s+)?(?<unit>year|month|quarter|week)\b|(?<unit>year|month|quarter|week)-on-(?:year|month|quarter|week)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodWords();

    /// <summary>A period named in a text: what it names ("month:october", "year:2003", "unit:year") and where.</summary>
    public readonly record struct Period(string Key, TextSpan Span);

    /// <summary>The periods <paramref name="text"/> names, in order (see the type's remarks for what counts).</summary>
    public static IReadOnlyList<Period> Periods(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Period>();
        foreach (Match m in PeriodWords().Matches(text))
        {
            var span = new TextSpan(m.Index, m.Index + m.Length);
            string key =
                m.Groups["month"].Success ? "month:" + m.Value.ToLowerInvariant()
                : m.Groups["year"].Success ? "year:" + m.Value
                : "unit:" + m.Groups["unit"].Value.ToLowerInvariant();
            found.Add(new Period(key, span));
        }
        return found;
    }

    /// <summary>
    /// The two contents' periods when both state a figure and name periods, none in common; null otherwise (the rule does
    /// not apply).
    /// </summary>
    public static (IReadOnlyList<Period> A, IReadOnlyList<Period> B)? DifferentPeriods(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!HasDigit(a) || !HasDigit(b)) return null;
        var pa = Periods(a);
        if (pa.Count == 0) return null;
        var pb = Periods(b);
        if (pb.Count == 0) return null;
        foreach (var x in pa)
            foreach (var y in pb)
                if (x.Key == y.Key) return null;
        return (pa, pb);
    }

    /// <summary>
    /// <paramref name="score"/> for contents about different periods: its contradiction probability moved to neutral
    /// (entailment kept), after a "period" reason; the score itself when the rule does not apply.
    /// </summary>
    public static ContradictionScore Apply(string a, string b, ContradictionScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (DifferentPeriods(a, b) is not { } periods) return score;
        var reasons = new List<Reason>(score.Reasons.Count + 1)
        {
            new("period", $"{Quote(a, periods.A)} vs {Quote(b, periods.B)}: figures about different periods (contradiction {score.Contradiction.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} -> 0.00)",
                periods.A.Select(p => p.Span).ToArray(), periods.B.Select(p => p.Span).ToArray()),
        };
        reasons.AddRange(score.Reasons);
        return new ContradictionScore(0, score.Entailment, score.Neutral + score.Contradiction, reasons);
    }

    private static bool HasDigit(string text) => text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    private static string Quote(string text, IReadOnlyList<Period> periods) =>
        string.Join(", ", periods.Select(p => $"'{text[p.Span.Start..p.Span.End]}'").Distinct());
}
