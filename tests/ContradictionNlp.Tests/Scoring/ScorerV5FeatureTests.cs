using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>Featurizer version 5: negation counts, alignment shares and subject/verb/object slots, on hand-made pairs.</summary>
public class ScorerV5FeatureTests
{
    private static PairFeaturizer F(int version = 5) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1024, version);

    private static float Feature(PairFeatures f, string name) => f.Dense[Array.IndexOf(PairFeaturizer.FeatureNames, name)];

    [Fact]
    public void Two_negations_on_one_side_count_although_their_parity_is_even()
    {
        var f = F().Featurize("The young boys are playing outdoors and the man is smiling nearby",
            "There is no boy playing outdoors and there is no man smiling");
        // Version 1's parity test sees no mismatch (2 negations vs 0); the counts do.
        Assert.Equal(0f, Feature(f, "neg_mismatch"));
        Assert.Equal(1f, Feature(f, "neg_h_more"));
        Assert.Equal(0f, Feature(f, "neg_p_more"));
    }

    [Fact]
    public void There_is_no_makes_the_noun_after_it_the_subject()
    {
        var f = F().Featurize("There is no cat eating corn", "A cat is eating some corn");
        Assert.Equal(0.5f, Feature(f, "neg_p_more"));
        Assert.Equal(0f, Feature(f, "neg_h_more"));
        // cat / eating / corn on both sides.
        Assert.Equal(1f, Feature(f, "slot_subject_sim"));
        Assert.Equal(1f, Feature(f, "slot_verb_sim"));
        Assert.Equal(1f, Feature(f, "slot_object_sim"));
        Assert.Equal(1f, Feature(f, "slots_parsed"));
    }

    [Fact]
    public void A_passive_keeps_the_roles_and_a_swap_changes_them()
    {
        var passive = F().Featurize("A man is cutting a tomato", "A tomato is being cut by a man");
        Assert.Equal(1f, Feature(passive, "slot_subject_sim"));
        Assert.Equal(1f, Feature(passive, "slot_verb_sim"));
        Assert.Equal(1f, Feature(passive, "slot_object_sim"));

        var swapped = F().Featurize("A man is cutting a tomato", "A tomato is cutting a man");
        Assert.Equal(1f, Feature(swapped, "slot_verb_sim"));
        // man vs tomato in both slots: the same (symmetric) cosine, far from a match.
        Assert.Equal(Feature(swapped, "slot_subject_sim"), Feature(swapped, "slot_object_sim"));
        Assert.True(Feature(swapped, "slot_subject_sim") < 0.5f);
    }

    [Fact]
    public void A_different_verb_lowers_only_the_verb_slot_and_adds_a_hashed_verb_pair()
    {
        const string p = "A man is playing a guitar", h = "A man is breaking a guitar";
        var f = F().Featurize(p, h);
        Assert.Equal(1f, Feature(f, "slot_subject_sim"));
        Assert.Equal(1f, Feature(f, "slot_object_sim"));
        Assert.InRange(Feature(f, "slot_verb_sim"), 0f, 0.89f);
        // One extra hashed key over version 4: the verb pair (objects are the same, so no object pair).
        Assert.Equal(F(4).Featurize(p, h).Hashed.Length + 1, f.Hashed.Length);
    }

    [Fact]
    public void Contrasting_subjects_count_and_with_a_negation_count_twice()
    {
        // man / woman are WordNet antonyms; the verb and object slots match.
        var plain = F().Featurize("A woman is playing a guitar", "A man is playing a guitar");
        Assert.Equal(1f / 3f, Feature(plain, "slot_contrast"), 6);
        Assert.Equal(0f, Feature(plain, "slot_contrast_x_neg"));
        // "There is no man playing a guitar": the negation is about another actor.
        var negated = F().Featurize("A woman is playing a guitar", "There is no man playing a guitar");
        Assert.Equal(1f / 3f, Feature(negated, "slot_contrast"), 6);
        Assert.Equal(1f / 3f, Feature(negated, "slot_contrast_x_neg"), 6);
        // Same words in every slot: no contrast.
        Assert.Equal(0f, Feature(F().Featurize("A woman is playing a guitar", "A woman is not playing a guitar"), "slot_contrast"));
    }

    [Fact]
    public void No_verb_marker_means_no_slots()
    {
        Assert.Equal((-1, -1, -1), SlotsOf("sunny weather everywhere"));
        var f = F().Featurize("sunny weather everywhere", "a man is playing a guitar");
        Assert.Equal(0f, Feature(f, "slots_parsed"));
        Assert.Equal(0f, Feature(f, "slot_verb_sim"));
    }

    [Fact]
    public void Alignment_shares_count_values_at_or_above_the_threshold()
    {
        Assert.Equal(0.75f, PairFeaturizer.ShareAtLeast([1f, 0.7f, 0.5f, 0.6f], 0.6f));
        Assert.Equal(0.25f, PairFeaturizer.ShareAtLeast([1f, 0.7f, 0.5f, 0.6f], 0.8f));
        Assert.Equal(1f, PairFeaturizer.ShareAtLeast([], 0.8f));
        // Identical texts: every word aligns with itself.
        var f = F().Featurize("A dog runs across the yard", "A dog runs across the yard");
        Assert.Equal(1f, Feature(f, "h_align_08"));
        Assert.Equal(1f, Feature(f, "p_align_08"));
    }

    [Fact]
    public void Version_5_appends_twelve_features_to_version_4()
    {
        const string p = "The monkey is brushing a bull dog", h = "A bull dog is brushing the monkey";
        var v4 = F(4).Featurize(p, h);
        var v5 = F(5).Featurize(p, h);
        Assert.Equal(57, v4.Dense.Length);
        Assert.Equal(69, v5.Dense.Length);
        Assert.Equal(PairFeaturizer.FeatureNames.Length, v5.Dense.Length);
        Assert.Equal(v4.Dense, v5.Dense[..57]);
        Assert.Superset(new HashSet<int>(v4.Hashed), new HashSet<int>(v5.Hashed));
    }

    private static (int, int, int) SlotsOf(string text) => F().SlotsForTest(text);
}
