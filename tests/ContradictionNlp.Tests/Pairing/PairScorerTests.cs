using ContradictionNlp.Claims;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pairing;

public class PairScorerTests
{
    /// <summary>Records what it was asked and returns a fixed score, so only PairScorer's own logic is under test.</summary>
    private sealed class FixedScorer : IContradictionScorer
    {
        public string ModelVersion => "fixed";
        public List<(string, string)> Calls { get; } = [];
        public ContradictionScore Score(string premise, string hypothesis)
        {
            Calls.Add((premise, hypothesis));
            return new ContradictionScore(0.7, 0.1, 0.2, [new Reason("negation", "m", [], [new TextSpan(0, 3)])]);
        }
    }

    private static Claim C(string text, DateOnly? date) => new(
        Claim.MakeId("art", new TextSpan(0, text.Length)), "art", 0, new TextSpan(0, text.Length),
        new SpeakerMention(new TextSpan(0, 0), "", MentionKind.Name, "X", []), new TextSpan(0, 0), "said",
        new TextSpan(0, text.Length), text, ClaimKind.ReportedSpeech, date);

    [Fact]
    public void Scores_the_contents_and_adds_a_time_reason_when_dates_differ()
    {
        var fixedScorer = new FixedScorer();
        var pair = new PairScorer(fixedScorer).Score(C("old claim", new DateOnly(2024, 1, 10)), C("new claim", new DateOnly(2024, 2, 29)), 0.8f);
        // Claims have no premise/hypothesis direction: both ways, the a->b one first (its reasons are kept).
        Assert.Equal([("old claim", "new claim"), ("new claim", "old claim")], fixedScorer.Calls);
        Assert.Equal(0.8f, pair.Similarity);
        Assert.Equal(0.7, pair.Score.Contradiction);
        Assert.Equal(new TemporalRelation(new DateOnly(2024, 1, 10), new DateOnly(2024, 2, 29), TemporalOrder.AFirst, 50), pair.Time);
        Assert.Equal(["negation", "time"], pair.Score.Reasons.Select(r => r.Kind));
        Assert.Equal("B came 50 days after A", pair.Score.Reasons[1].Message);
    }

    [Theory]
    [InlineData(2024, 3, 2, 2024, 3, 1, TemporalOrder.BFirst, 1, "B came 1 day before A")]
    [InlineData(2024, 3, 1, 2024, 3, 1, TemporalOrder.SameDay, 0, null)]
    public void Orders_dates(int y1, int m1, int d1, int y2, int m2, int d2, TemporalOrder order, int days, string? message)
    {
        var pair = new PairScorer(new FixedScorer()).Score(C("a", new DateOnly(y1, m1, d1)), C("b", new DateOnly(y2, m2, d2)), 0.5f);
        Assert.Equal(order, pair.Time.Order);
        Assert.Equal(days, pair.Time.DaysApart);
        Assert.Equal(message, pair.Score.Reasons.SingleOrDefault(r => r.Kind == "time")?.Message);
    }

    [Fact]
    public void Unknown_date_gives_unknown_order_and_no_time_reason()
    {
        var pair = new PairScorer(new FixedScorer()).Score(C("a", null), C("b", new DateOnly(2024, 1, 1)), 0.5f);
        Assert.Equal(new TemporalRelation(null, new DateOnly(2024, 1, 1), TemporalOrder.Unknown, null), pair.Time);
        Assert.DoesNotContain(pair.Score.Reasons, r => r.Kind == "time");
    }

    /// <summary>Returns a fixed distribution with the given reason kinds, whichever direction it is asked.</summary>
    private sealed class KindsScorer(double c, double e, double n, params string[] kinds) : IContradictionScorer
    {
        public string ModelVersion => "kinds";
        public ContradictionScore Score(string premise, string hypothesis) =>
            new(c, e, n, [.. kinds.Select(k => new Reason(k, k, [], []))]);
    }

    [Fact]
    public void Different_subjects_halve_the_contradiction_probability_into_neutral_and_lead_the_reasons()
    {
        var s = new PairScorer(new KindsScorer(0.6, 0.1, 0.3, "negation", "subject")).ScoreTexts("x", "y");
        Assert.Equal(0.3, s.Contradiction, 12);
        Assert.Equal(0.1, s.Entailment, 12);
        Assert.Equal(0.6, s.Neutral, 12);
        Assert.Equal(["subject", "negation"], s.Reasons.Select(r => r.Kind));
        // Without the subject cue the model's distribution is kept as it is.
        var kept = new PairScorer(new KindsScorer(0.6, 0.1, 0.3, "negation")).ScoreTexts("x", "y");
        Assert.Equal((0.6, 0.1, 0.3), (kept.Contradiction, kept.Entailment, kept.Neutral));
    }
}
