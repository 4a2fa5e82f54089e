using ContradictionNlp.Scoring;
using ContradictionNlp.Training;

namespace ContradictionNlp.Tests.Retrain;

/// <summary>The two guards against nonsense reviews (review agreement, sobriety), on fake scorers with known outputs.</summary>
public class PromotionGuardTests
{
    /// <summary>Scores a pair by its premise: "c..." contradiction, "e..." entailment, "n..." neutral, with the given confidence; else uniform.</summary>
    private sealed class FakeScorer(double confidence, string version = "fake") : IContradictionScorer
    {
        public string ModelVersion => version;
        public ContradictionScore Score(string premise, string hypothesis)
        {
            var rest = (1 - confidence) / 2;
            return premise[0] switch
            {
                'c' => new(confidence, rest, rest, []),
                'e' => new(rest, confidence, rest, []),
                'n' => new(rest, rest, confidence, []),
                _ => new(1 / 3.0, 1 / 3.0, 1 / 3.0, []),
            };
        }
    }

    private static LabeledPair Row(string premise, int label) => new(premise, premise, "x", label, ReviewData.SourceName, "test", 0);

    [Fact]
    public void Agreement_counts_only_confident_pairs_and_refuses_below_the_minimum()
    {
        // Labels: 0 contradiction, 1 entailment, 2 neutral. Two confident pairs agree, two disagree; the uniform one is not counted.
        var rows = new[] { Row("c1", 0), Row("e1", 1), Row("c2", 2), Row("n1", 0), Row("u1", 0) };
        var check = ModelPromotion.CheckAgreement(new FakeScorer(0.9), rows, new ReviewTrainingOptions());
        Assert.Equal(new ReviewAgreementCheck(5, 4, 0.7, 2, 0.5, 0.5, true), check);
        var strict = ModelPromotion.CheckAgreement(new FakeScorer(0.9), rows, new ReviewTrainingOptions { MinAgreement = 0.6 });
        Assert.False(strict.Passed);
        // Not confident enough (0.6 <= 0.7): nothing to check, so it passes.
        var unsure = ModelPromotion.CheckAgreement(new FakeScorer(0.6), rows, new ReviewTrainingOptions());
        Assert.Equal(0, unsure.Confident);
        Assert.True(unsure.Passed);
        var (ok, reasons) = ModelPromotion.Decide([], 0.02, agreement: strict);
        Assert.False(ok);
        Assert.Equal("WORSE: review agreement (n=4 of 5 reviewed pairs scored with P > 0.7) the reviews agree with the current model on 0.5000 (minimum 0.60)", reasons[^1]);
    }

    [Fact]
    public void Sobriety_allows_the_larger_of_the_absolute_and_relative_rise()
    {
        // 10 pairs; baseline flags the 4 "c" premises. Both directions are scored and the higher P(C) kept, so the
        // other 6 score 1/3 (the reversed premise "x..." is uniform): mean (4 x 0.9 + 6 / 3) / 10 = 0.56.
        var sample = new SobrietySample("test", [.. Enumerable.Range(0, 10).Select(i => (i < 4 ? "c" + i : "n" + i, "x" + i))]);
        var baseline = new FakeScorer(0.9);
        var check = ModelPromotion.CompareSobriety(baseline, baseline, sample, new ReviewTrainingOptions());
        Assert.Equal((4, 4, 0.4, 0.4), (check.BaselineFlagged, check.CandidateFlagged, check.BaselineShare, check.CandidateShare));
        Assert.Equal(0.1, check.AllowedRise); // max(0.01, 0.25 x 0.4)
        Assert.True(check.Passed);

        // A candidate that flags everything: +0.6 > 0.1 refused.
        var flagsAll = new FakeScorerAll();
        var worse = ModelPromotion.CompareSobriety(baseline, flagsAll, sample, new ReviewTrainingOptions());
        Assert.Equal(10, worse.CandidateFlagged);
        Assert.False(worse.Passed);
        Assert.True(ModelPromotion.CompareSobriety(baseline, flagsAll, sample, new ReviewTrainingOptions { SobrietyMargin = 0.6 }).Passed);
        var (ok, reasons) = ModelPromotion.Decide([], 0.02, sobriety: worse);
        Assert.False(ok);
        Assert.Equal("WORSE: sobriety test (n=10) flagged 0.4000 -> 1.0000 (+0.6000, allowed rise 0.1000; mean P(C) 0.5600 -> 0.9000)", reasons[1]);
    }

    private sealed class FakeScorerAll : IContradictionScorer
    {
        public string ModelVersion => "all";
        public ContradictionScore Score(string premise, string hypothesis) => new(0.9, 0.05, 0.05, []);
    }

    [Theory]
    [InlineData(1.5, 0.7, 0.01, 0.25)]
    [InlineData(0.5, 1.0, 0.01, 0.25)]
    [InlineData(0.5, 0.7, -0.01, 0.25)]
    [InlineData(0.5, 0.7, 0.01, double.NaN)]
    public void Bad_guard_options_are_refused(double minAgreement, double confidence, double sobrietyMargin, double relative) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewTrainingOptions
        {
            MinAgreement = minAgreement, AgreementConfidence = confidence, SobrietyMargin = sobrietyMargin, SobrietyRelativeMargin = relative,
        }.Validate());
}
