using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;

namespace ContradictionNlp.Pairing;

/// <summary>Scores a same-speaker claim pair and relates their dates. Thread-safe when the scorer is.</summary>
public sealed class PairScorer(IContradictionScorer scorer)
{
    public IContradictionScorer Scorer { get; } = scorer;

    /// <summary>
    /// <paramref name="a"/> is the stored (older) claim, <paramref name="b"/> the new one. Reason spans index
    /// into <c>a.ContentText</c> and <c>b.ContentText</c>. When both dates are known and differ, a "time"
    /// reason says how far apart they are: a change of position over months reads differently from one day.
    /// </summary>
    public ScoredPair Score(Claim a, Claim b, float similarity)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var score = Scorer.Score(a.ContentText, b.ContentText);
        var time = Relate(a.Date, b.Date);
        if (time.Order is TemporalOrder.AFirst or TemporalOrder.BFirst)
        {
            var days = time.DaysApart!.Value;
            var unit = days == 1 ? "day" : "days";
            var message = time.Order == TemporalOrder.AFirst ? $"B came {days} {unit} after A" : $"B came {days} {unit} before A";
            score = score with { Reasons = [.. score.Reasons, new Reason("time", message, [], [])] };
        }
        return new ScoredPair(a, b, similarity, score, time);
    }

    public static TemporalRelation Relate(DateOnly? a, DateOnly? b)
    {
        if (a is not { } da || b is not { } db) return new TemporalRelation(a, b, TemporalOrder.Unknown, null);
        var diff = db.DayNumber - da.DayNumber;
        var order = diff == 0 ? TemporalOrder.SameDay : diff > 0 ? TemporalOrder.AFirst : TemporalOrder.BFirst;
        return new TemporalRelation(a, b, order, Math.Abs(diff));
    }
}
