using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// Featurizer version 7: "not only"/"not just" is an additive focus, not a negation, and the scope of a negation ends at
/// "but". Each positive case fires under version 6 and not under version 7; the negative cases fire under both.
/// </summary>
public class ScorerV7FeatureTests
{
    private static PairFeaturizer F(int version) => ScorerV6FeatureTests.F(version);

    private static float Feature(PairFeatures f, string name) =>
        f.Dense[Array.IndexOf(PairFeaturizer.FeatureNamesFor(7).ToArray(), name)];

    [Theory]
    // A bbc-news pair of the Tories' claims (0.93 under scorer v5, "'not' negates the first text only").
    [InlineData("judicial oversight of all control orders, not just house arrest", "the house arrest plans are excessive")]
    [InlineData("the bid was not only undervalued but badly timed", "the bid was undervalued")]
    [InlineData("the profits were not solely down to the high oil price", "the profits are up because the oil price is up")]
    public void Not_before_a_focus_word_is_no_negation(string a, string b)
    {
        var v6 = F(6).Featurize(a, b);
        Assert.Contains(v6.Reasons, r => r.Kind == "negation");
        Assert.Equal(1f, Feature(v6, "neg_mismatch"));
        var v7 = F(7).Featurize(a, b);
        Assert.DoesNotContain(v7.Reasons, r => r.Kind == "negation");
        Assert.Equal(0f, Feature(v7, "neg_mismatch"));
        Assert.Equal(0f, Feature(v7, "neg_p"));
    }

    [Theory]
    [InlineData("the council will not raise property taxes", "the council will raise property taxes")]
    // "justified" is not "just"; a focus word further on does not make an earlier "not" additive.
    [InlineData("the strike was not justified", "the strike was justified")]
    [InlineData("the club will not sell its best players just yet", "the club will sell its best players")]
    public void Other_negations_stay_negations(string a, string b)
    {
        var v7 = F(7).Featurize(a, b);
        Assert.Equal(1f, Feature(v7, "neg_mismatch"));
        Assert.Contains(v7.Reasons, r => r.Kind == "negation" && r.Message.StartsWith("'not' negates the first text only", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scope_of_a_negation_ends_at_but()
    {
        // "not for the schools but for the new hospital": only "schools" is negated; the hospital is what both texts say.
        const string a = "the money was not for the schools but for the new hospital";
        const string b = "the money is for the new hospital";
        Assert.True(Feature(F(6).Featurize(a, b), "neg_scope_covered") > 0f);
        var v7 = F(7).Featurize(a, b);
        Assert.Equal(0f, Feature(v7, "neg_scope_covered"));
        Assert.True(Feature(v7, "neg_scope_uncovered") > 0f);
        // The negation itself still counts: only what it covers changed.
        Assert.Equal(1f, Feature(v7, "neg_mismatch"));
    }

    [Fact]
    public void Without_but_the_scope_is_what_it_was()
    {
        const string a = "the money was not spent on the new hospital";
        const string b = "the money was spent on the new hospital";
        Assert.Equal(Feature(F(6).Featurize(a, b), "neg_scope_covered"), Feature(F(7).Featurize(a, b), "neg_scope_covered"));
        Assert.True(Feature(F(7).Featurize(a, b), "neg_scope_covered") > 0f);
    }
}
