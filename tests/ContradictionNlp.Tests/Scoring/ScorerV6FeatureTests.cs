using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// Featurizer version 6: a word or number both texts contain stands for itself and is not opposed to another word or
/// number of the other text. The pairs are bbc-news flags of scorer v4 (shortened): two statements that say the same
/// thing, flagged at 0.79 and 0.81 on an antonym pair and a "different count" each text contains whole.
/// </summary>
public class ScorerV6FeatureTests
{
    /// <summary>A featurizer of <paramref name="version"/> over the shipped vectors and lexicon (the v6 test classes share it).</summary>
    internal static PairFeaturizer F(int version) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1024, version);

    private static float Feature(PairFeatures f, int version, string name) =>
        f.Dense[Array.IndexOf(PairFeaturizer.FeatureNamesFor(version).ToArray(), name)];

    private const string SidesA = "both teams are fielding top-quality sides and the game promises to be a great spectacle";
    private const string SidesB = "both teams are fielding top-quality sides and I hope the public get behind this game";

    [Fact]
    public void An_antonym_pair_whose_words_both_texts_contain_is_no_antonym()
    {
        var v5 = F(5).Featurize(SidesA, SidesB);
        Assert.Contains(v5.Reasons, r => r.Kind == "antonym" && r.Message.StartsWith("'sides' vs 'top'", StringComparison.Ordinal));
        Assert.True(Feature(v5, 5, "antonym_count") > 0);

        var v6 = F(6).Featurize(SidesA, SidesB);
        Assert.DoesNotContain(v6.Reasons, r => r.Kind == "antonym");
        Assert.Equal(0f, Feature(v6, 6, "antonym_count"));
        Assert.Equal(0f, Feature(v6, 6, "antonym_context"));
    }

    [Fact]
    public void An_antonym_one_text_also_holds_on_the_other_side_is_no_antonym()
    {
        // "lord" is in both texts: "Lady Morgan" names the other peer, it does not oppose "Lord Falconer".
        const string a = "Lord Falconer and Baroness Morgan played no part in drafting the answer";
        const string b = "Lord Falconer and Lady Morgan had drafted the answer";
        Assert.Contains(F(5).Featurize(a, b).Reasons, r => r.Kind == "antonym" && r.Message.Contains("'lady'", StringComparison.Ordinal));
        Assert.DoesNotContain(F(6).Featurize(a, b).Reasons, r => r.Kind == "antonym");
    }

    [Fact]
    public void A_real_antonym_stays_an_antonym_with_its_spans()
    {
        // Negative case: each word of the pair is in one text only.
        const string a = "the Brennick reactor plant is safe";
        const string b = "the Brennick reactor plant is dangerous";
        var r = Assert.Single(F(6).Featurize(a, b).Reasons, r => r.Kind == "antonym");
        Assert.Equal("safe", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("dangerous", Assert.Single(r.SpansB).Of(b));
    }

    [Fact]
    public void Counts_both_texts_give_are_not_different_counts()
    {
        const string a = "these studios may be too focused on one or two product lines";
        const string b = "these firms may be too focused on one or two product lines";
        var v5 = F(5).Featurize(a, b);
        Assert.Contains(v5.Reasons, r => r.Kind == "number-noun");
        Assert.Equal(1f, Feature(v5, 5, "number_same_noun"));

        var v6 = F(6).Featurize(a, b);
        Assert.DoesNotContain(v6.Reasons, r => r.Kind == "number-noun");
        Assert.Equal(0f, Feature(v6, 6, "number_same_noun"));
    }

    [Fact]
    public void Different_counts_of_one_noun_stay_different_counts()
    {
        // Negative case: "120" is in the first text only and "40" in the second only.
        const string a = "the plant will create 120 jobs";
        const string b = "the plant will create 40 jobs";
        var r = Assert.Single(F(6).Featurize(a, b).Reasons, r => r.Kind == "number-noun");
        Assert.Equal("120", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("40", Assert.Single(r.SpansB).Of(b));
    }

    [Fact]
    public void Versions_6_and_7_have_version_5s_features()
    {
        Assert.Equal(PairFeaturizer.FeatureNamesFor(5), PairFeaturizer.FeatureNamesFor(6));
        Assert.Equal(PairFeaturizer.FeatureNamesFor(5), PairFeaturizer.FeatureNamesFor(7));
        Assert.Equal(7, PairFeaturizer.Version);
    }
}

/// <summary>
/// Featurizer version 6: a negated predicate's partner of another stem must be WordNet-related to it, or stand next to a
/// word both texts use, without either being a general word, and be the word of the predicate's text closest to it.
/// </summary>
public class NegatedPredicatePartnerTests
{
    private static PairFeaturizer F(int version) => ScorerV6FeatureTests.F(version);

    [Fact]
    public void A_general_word_is_not_the_partner_of_another_stem()
    {
        // A bbc-news pair (Mira Nair's claims): "want" is a general word, so "decision" is not its partner.
        const string a = "First, when I was 16, it was Becky Sharp, who is a completely memorable character, because I recognised myself "
            + "in her - I recognised all the ladies who did not want to be ladies, who wanted to buck the system that they were in";
        const string b = "her decision to cast an American actress - Reese Witherspoon - as Becky Sharp";
        var v5 = Assert.Single(F(5).Featurize(a, b).Reasons, r => r.Kind == "negated-predicate");
        Assert.StartsWith("'not want' in the first text vs", v5.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(F(6).Featurize(a, b).Reasons, r => r.Kind == "negated-predicate");
        // The negation itself is still reported: only the claim that it falls on a shared predicate goes.
        Assert.Contains(F(6).Featurize(a, b).Reasons, r => r.Kind == "negation");
    }

    [Fact]
    public void A_partner_of_another_stem_without_a_shared_neighbour_is_not_the_predicate()
    {
        // "raise" and "rise" are close (GloVe 0.63), but here nothing around them is shared.
        const string a = "the city will not raise parking fees for residents";
        const string b = "the river will rise after the storm";
        Assert.DoesNotContain(F(6).Featurize(a, b).Reasons, r => r.Kind == "negated-predicate");
    }

    [Theory]
    // Negative cases: the same stem, and another stem next to a shared word ("property taxes"), stay negated predicates.
    [InlineData("the city will not raise property taxes next year", "property taxes will rise next year", "'not raise' in the first text vs 'rise' in the second")]
    [InlineData("the club will not sell its striker", "the club will sell its striker in January", "'not sell' in the first text vs 'sell' in the second")]
    public void The_same_predicate_or_a_close_one_in_a_shared_context_stays(string a, string b, string start)
    {
        var r = Assert.Single(F(6).Featurize(a, b).Reasons, r => r.Kind == "negated-predicate");
        Assert.StartsWith(start, r.Message, StringComparison.Ordinal);
    }
}

/// <summary>Featurizer version 6: what a number counts is the head of the words right after it, not any word nearby.</summary>
public class NumberHeadTests
{
    private static PairFeaturizer F(int version) => ScorerV6FeatureTests.F(version);

    [Fact]
    public void A_rate_in_a_period_does_not_count_the_period()
    {
        // bbc-news (Office for National Statistics, shortened): the two rates are of different things.
        const string a = "average earnings rose by 4.3% in the year to December";
        const string b = "retail sales rose 6.1% on the year";
        Assert.Contains(F(5).Featurize(a, b).Reasons, r => r.Kind == "number-noun" && r.Message.Contains("('year')", StringComparison.Ordinal));
        Assert.DoesNotContain(F(6).Featurize(a, b).Reasons, r => r.Kind == "number-noun");
    }

    [Theory]
    // Negative cases: counts of one head still differ, past an adjective or a hyphenated modifier.
    [InlineData("the plant will create 120 new jobs", "the plant will create 40 new jobs", "('jobs')")]
    [InlineData("it charged two ex-senior executives", "it charged three ex-senior executives", "('executives')")]
    public void Counts_of_the_same_head_still_differ(string a, string b, string noun)
    {
        var r = Assert.Single(F(6).Featurize(a, b).Reasons, r => r.Kind == "number-noun");
        Assert.Contains(noun, r.Message, StringComparison.Ordinal);
    }
}
