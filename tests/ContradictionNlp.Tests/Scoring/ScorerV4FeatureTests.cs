using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>Featurizer version 4: word order, voice and role swaps, on hand-made pairs.</summary>
public class ScorerV4FeatureTests
{
    private static PairFeaturizer F(int version = PairFeaturizer.Version) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1024, version);

    private static float Feature(PairFeatures f, string name) => f.Dense[Array.IndexOf(PairFeaturizer.FeatureNames, name)];

    [Fact]
    public void Swapped_roles_are_discordant_same_voice_and_a_role_swap()
    {
        // Shared stems in H order: bull, dog, brush, monkey; in P: monkey(0) brush(1) bull(2) dog(3) -> positions 2,3,1,0:
        // of 6 pairs only (bull, dog) is in order, so 5/6 are discordant.
        var f = F().Featurize("The monkey is brushing a bull dog", "A bull dog is brushing the monkey");
        Assert.Equal(5f / 6f, Feature(f, "order_discordant"), 5);
        Assert.Equal(0f, Feature(f, "passive_mismatch"));
        Assert.Equal(5f / 6f, Feature(f, "order_x_same_voice"), 5);
        Assert.Equal(1f, Feature(f, "role_swap"));
    }

    [Fact]
    public void A_passive_paraphrase_reverses_the_order_but_not_the_roles()
    {
        var f = F().Featurize("A man is cutting a tomato", "A tomato is being cut by a man");
        Assert.Equal(1f, Feature(f, "passive_mismatch"));
        Assert.True(Feature(f, "order_discordant") > 0.5f);
        Assert.Equal(0f, Feature(f, "order_x_same_voice"));
    }

    [Fact]
    public void Same_order_has_no_order_features()
    {
        var f = F().Featurize("Five children are standing in front of a wooden hut", "Five children are standing in a wooden hut");
        Assert.Equal(0f, Feature(f, "order_discordant"));
        Assert.Equal(0f, Feature(f, "passive_mismatch"));
        Assert.Equal(0f, Feature(f, "role_swap"));
        // "in front of" vs "in": the premise-only preposition is a hashed key the v3 featurizer does not have.
        Assert.True(f.Hashed.Length > F(3).Featurize("Five children are standing in front of a wooden hut", "Five children are standing in a wooden hut").Hashed.Length);
    }

    [Fact]
    public void Version_3_fills_53_features_and_version_4_appends_four()
    {
        Assert.Equal(53, F(3).Featurize("a man plays a guitar", "a guitar plays a man").Dense.Length);
        var v4 = F(4).Featurize("a man plays a guitar", "a guitar plays a man");
        Assert.Equal(57, v4.Dense.Length);
        Assert.Equal(PairFeaturizer.FeatureCount(4), v4.Dense.Length);
        // The first 53 are the version-3 features unchanged.
        Assert.Equal(F(3).Featurize("a man plays a guitar", "a guitar plays a man").Dense, v4.Dense[..53]);
    }
}
