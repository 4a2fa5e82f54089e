using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pairing;

/// <summary>
/// Rule periods (round 28): figures about different periods do not contradict. The positive pair is bbc-news's top
/// Nationwide flag of scorer v5 (0.96); the negative cases are the ways two contents can look like it and still be
/// comparable.
/// </summary>
public class PeriodCheckTests
{
    private const string October = "House prices fell 0.4% in October";
    private const string ThisYear = "House prices have risen 0.9% this year";

    [Fact]
    public void Figures_about_different_periods_move_the_contradiction_to_neutral_with_a_period_reason()
    {
        var model = new ContradictionScore(0.9, 0.04, 0.06, [new Reason("antonym", "'fell' vs 'risen'", [], [])]);
        var s = PeriodCheck.Apply(October, ThisYear, model);
        Assert.Equal((0, 0.04), (s.Contradiction, s.Entailment));
        Assert.Equal(0.96, s.Neutral, 10);
        Assert.Equal(["period", "antonym"], s.Reasons.Select(r => r.Kind));
        var r = s.Reasons[0];
        Assert.Equal("'October' vs 'this year': figures about different periods (contradiction 0.90 -> 0.00)", r.Message);
        Assert.Equal("October", Assert.Single(r.SpansA).Of(October));
        Assert.Equal("this year", Assert.Single(r.SpansB).Of(ThisYear));
    }

    [Theory]
    // A month or year both name: the same period ("7 March 2003" and "March 17 2003" share month and year).
    [InlineData("He wrote on 7 March 2003 that 2 options remained", "On March 17 2003 he set out 1 view")]
    // No figure on one side: when things happen is left to the model ("next year" vs "this year").
    [InlineData("the city will not raise property taxes next year", "the city raised property taxes by 2% this year")]
    // No period on one side: "its first year" has no determiner the rule reads as a period.
    [InlineData("the new plant will create 120 jobs in its first year", "the plant will create 40 jobs when it opens in 2005")]
    // "this year" and "last year" count as one period (the rule errs towards the model).
    [InlineData("sales rose 5% this year", "sales fell 2% last year")]
    public void Comparable_or_undated_figures_are_left_to_the_model(string a, string b)
    {
        Assert.Null(PeriodCheck.DifferentPeriods(a, b));
        var model = new ContradictionScore(0.9, 0.04, 0.06, []);
        Assert.Same(model, PeriodCheck.Apply(a, b, model));
    }

    [Theory]
    [InlineData("it may rise by 5% in a week", new[] { "unit:week" })]                   // "may" is a modal
    [InlineData("prices rose 3% on 5 May and at a three year low", new[] { "month:may" })] // "three year low" describes
    [InlineData("a 2005% rise and £2005m in 1999", new[] { "year:1999" })]               // amounts are not years
    [InlineData("up 6.1% year-on-year and 0.6% on the month", new[] { "unit:year", "unit:month" })]
    public void Periods_are_months_years_and_units_after_a_determiner(string text, string[] keys)
    {
        Assert.Equal(keys, PeriodCheck.Periods(text).Select(p => p.Key));
    }

    [Fact]
    public void The_pair_scorer_applies_the_rule_to_claims_unless_told_not_to()
    {
        var scorer = new FixedScorer(new ContradictionScore(0.9, 0.04, 0.06, []));
        var a = CuePolarityTests.C("said", October);
        var b = CuePolarityTests.C("said", ThisYear);
        Assert.Equal(0, new PairScorer(scorer, useGate: false).ScoreClaims(a, b).Contradiction);
        var off = new PairScorer(scorer, useGate: false) { CheckPeriods = false };
        Assert.Equal(0.9, off.ScoreClaims(a, b).Contradiction);
        Assert.False(off.WithColdCaches().CheckPeriods);
    }

    private sealed class FixedScorer(ContradictionScore score) : IContradictionScorer
    {
        public string ModelVersion => "fixed";
        public ContradictionScore Score(string premise, string hypothesis) => score;
    }
}
