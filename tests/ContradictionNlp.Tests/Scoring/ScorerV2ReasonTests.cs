using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>The featurizer-version-2 reasons on hand-made pairs: each points at the words behind it.</summary>
public class ScorerV2ReasonTests
{
    private static PairFeaturizer F(int version = PairFeaturizer.Version) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1024, version);

    [Fact]
    public void Conditional_on_one_side_only_is_a_conditional_reason_at_the_condition_word()
    {
        const string a = "the council will approve the plan only if the vote passes";
        const string b = "the council will approve the plan";
        var r = Assert.Single(F().Featurize(a, b).Reasons, r => r.Kind == "conditional");
        Assert.Equal("'if' makes the first text conditional; the other is unconditional", r.Message);
        Assert.Equal("if", Assert.Single(r.SpansA).Of(a));
        Assert.Empty(r.SpansB);
        Assert.DoesNotContain(F().Featurize(a, a).Reasons, r => r.Kind == "conditional");
    }

    [Fact]
    public void Different_subjects_with_the_same_predicate_is_a_subject_reason()
    {
        const string a = "the mayor will approve the budget";
        const string b = "the governor will approve the budget";
        var r = Assert.Single(F().Featurize(a, b).Reasons, r => r.Kind == "subject");
        Assert.Equal("'mayor' vs 'governor': different subjects", r.Message);
        Assert.Equal("mayor", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("governor", Assert.Single(r.SpansB).Of(b));
        // The object of one is the subject of the other: roles, not a different subject.
        Assert.DoesNotContain(F().Featurize("the city will not raise property taxes", "property taxes will rise").Reasons, r => r.Kind == "subject");
    }

    [Fact]
    public void Negation_on_a_shared_predicate_names_the_negated_verb_and_its_partner()
    {
        const string a = "the city will not raise property taxes";
        const string b = "property taxes will rise";
        var r = Assert.Single(F().Featurize(a, b).Reasons, r => r.Kind == "negated-predicate");
        Assert.Equal(["not", "raise"], r.SpansA.Select(s => s.Of(a)));
        Assert.Equal("rise", Assert.Single(r.SpansB).Of(b));
        // Negation on a word the other text lacks is no shared-predicate cue.
        Assert.DoesNotContain(F().Featurize("the city will not hire staff", "property taxes will rise").Reasons, r => r.Kind == "negated-predicate");
    }

    [Fact]
    public void Different_counts_of_the_same_noun_but_not_a_day_of_a_month()
    {
        const string a = "the plant will create 120 jobs";
        const string b = "the plant will create 40 jobs";
        var r = Assert.Single(F().Featurize(a, b).Reasons, r => r.Kind == "number-noun");
        Assert.Equal("120", Assert.Single(r.SpansA).Of(a));
        Assert.Equal("40", Assert.Single(r.SpansB).Of(b));
        Assert.DoesNotContain(F().Featurize("the timetable will end on April 1", "two extra crossings will be added").Reasons, r => r.Kind == "number-noun");
        Assert.DoesNotContain(F().Featurize("the plant will create 120 jobs", "the plant will build 40 houses").Reasons, r => r.Kind == "number-noun");
    }

    [Fact]
    public void Version_1_featurizer_fills_the_v1_prefix_only_and_agrees_with_version_2_on_it()
    {
        const string a = "the reactor plant is safe";
        const string b = "the reactor plant is not safe";
        var v1 = F(1).Featurize(a, b);
        var v2 = F(2).Featurize(a, b);
        Assert.Equal(36, v1.Dense.Length);
        Assert.Equal(44, v2.Dense.Length);
        Assert.Equal(v1.Dense, v2.Dense[..36]);
        Assert.DoesNotContain(v1.Reasons, r => r.Kind is "negated-predicate" or "conditional" or "subject");
        Assert.Equal(PairFeaturizer.FeatureNamesFor(1), PairFeaturizer.FeatureNames[..36]);
        // Version 3 appends: its first 44 values are version 2's, its hashed features a superset of them.
        var v3 = F(3).Featurize(a, b);
        Assert.Equal(v2.Dense, v3.Dense[..44]);
        Assert.Subset(v3.Hashed.ToHashSet(), v2.Hashed.ToHashSet());
        Assert.Throws<ArgumentOutOfRangeException>(() => PairFeaturizer.FeatureCount(PairFeaturizer.Version + 1));
    }

    [Fact]
    public void Shipped_v1_still_loads_so_users_can_roll_back()
    {
        var v1 = ShippedModels.Catalog.LoadScorer(Path.Combine(ShippedModels.Catalog.ScorerDirectory, "v1"));
        Assert.Equal("v1", v1.ModelVersion);
        Assert.Equal(1, v1.Featurizer.FeaturizerVersion);
        var s = v1.Score("Belarus will send troops", "Belarus will not send troops");
        Assert.Equal(1.0, s.Contradiction + s.Entailment + s.Neutral, 9);
    }
}
