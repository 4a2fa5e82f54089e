using ContradictionNlp.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// Why a pair scored as it did, pointing at the words involved. Spans index into the first
/// (<see cref="SpansA"/>) and second (<see cref="SpansB"/>) text given to the scorer.
/// </summary>
/// <param name="Kind">Machine-readable cue name: "negation", "antonym", "number", "date", "aligned", ...</param>
/// <param name="Message">One human-readable line, e.g. "'will send' vs 'will not send': negation mismatch".</param>
public sealed record Reason(string Kind, string Message, IReadOnlyList<TextSpan> SpansA, IReadOnlyList<TextSpan> SpansB);

/// <summary>Label probabilities (summing to 1) and the reasons behind them.</summary>
public sealed record ContradictionScore(double Contradiction, double Entailment, double Neutral, IReadOnlyList<Reason> Reasons)
{
    public double Probability => Contradiction;
}

/// <summary>Scores a pair of statements. Safe to share across threads.</summary>
public interface IContradictionScorer
{
    string ModelVersion { get; }
    ContradictionScore Score(string premise, string hypothesis);
}
