using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Pairing;

/// <summary>
/// The gate over prepared texts compares integer stem ids (SCORE14) instead of stem strings: on every pair of a set of
/// texts (shared names, inflections, single letters, digits, function words only), at MinShared 1 to 3 and in both
/// orders, it answers as the string merge walk over the same texts' stems, and as a gate whose texts another featurizer
/// prepared (which takes the string path).
/// </summary>
public class TopicGateStemIdsTests
{
    private static readonly string[] Texts =
    [
        "property taxes will not rise next year",
        "the city raised property taxes again",
        "U.S. troops will stay in the region",
        "U-S-A! U-S-A! the crowd chanted",
        "the U.S. region will see more troops",
        "we will not do it",
        "they did it before",
        "5 ministers resigned over the taxes",
        "the 5 ministers who resigned will return",
        "Raises for nurses were raised by the minister",
        "",
    ];

    private static PairFeaturizer NewFeaturizer() =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 16);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ids_answer_as_the_string_walk_on_every_pair(int minShared)
    {
        var featurizer = NewFeaturizer();
        var gate = new TopicGate(featurizer, minShared);
        var other = NewFeaturizer(); // texts it prepares take the string path in this gate
        var prepared = Texts.Select(featurizer.Prepare).ToArray();
        var foreign = Texts.Select(other.Prepare).ToArray();
        int related = 0, unrelated = 0;
        for (int i = 0; i < Texts.Length; i++)
            for (int j = 0; j < Texts.Length; j++)
            {
                var expected = gate.Related(gate.Prepare(Texts[i]), gate.Prepare(Texts[j]));
                Assert.Equal(expected, gate.Related(prepared[i], prepared[j]));
                Assert.Equal(expected, gate.Related(foreign[i], foreign[j]));
                Assert.Equal(expected, gate.Related(Texts[i], Texts[j]));
                if (expected) related++; else unrelated++;
            }
        Assert.True(related > 0 && unrelated > 0, $"{related} related, {unrelated} unrelated: both answers should occur");
    }

    [Fact]
    public void Single_letters_do_not_count_and_ids_are_kept_on_the_text()
    {
        var featurizer = NewFeaturizer();
        var gate = new TopicGate(featurizer, 2);
        var usa = featurizer.Prepare("U-S-A! U-S-A! the crowd chanted");
        var us = featurizer.Prepare("U.S. troops will stay");
        Assert.False(gate.Related(usa, us)); // "u" and "s" shared, both single letters
        var ids = usa.GateStemIds;
        Assert.NotNull(ids);
        Assert.Equal(usa.ContentStems.Count(s => !(s.Length == 1 && char.IsLetter(s[0]))), ids!.Length);
        Assert.True(gate.Related(featurizer.Prepare("the crowd chanted loudly"), usa)); // "crowd", "chant"
        Assert.Same(ids, usa.GateStemIds);
    }
}
