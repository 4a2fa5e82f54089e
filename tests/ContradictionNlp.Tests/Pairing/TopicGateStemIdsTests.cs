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
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(2, 0.25)]
    [InlineData(1, 0.5)]
    public void Ids_answer_as_the_string_walk_on_every_pair(int minShared, double fraction)
    {
        var featurizer = NewFeaturizer();
        var gate = new TopicGate(featurizer, minShared, fraction);
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
    public void Two_long_quotes_sharing_two_words_by_chance_are_unrelated_at_a_quarter()
    {
        // Round 27 (PairScorer.DefaultMinSharedFraction): 2 shared stems ("tax", "election"), where a quarter of the
        // shorter text's (over 8) is 3.
        const string a = "the chancellor will put up taxes after the election to pay for his spending plans on schools, hospitals and roads";
        const string b = "voters know the election is about trust and that taxes under a new government would fall for working families";
        var featurizer = NewFeaturizer();
        var gate = new TopicGate(featurizer, 2, 0.25);
        Assert.Equal(2, gate.Prepare(a).Intersect(gate.Prepare(b)).Count());
        Assert.True(gate.Prepare(a).Length > 8 && gate.Prepare(b).Length > 8);
        Assert.True(new TopicGate(featurizer, 2).Related(a, b));
        Assert.False(gate.Related(a, b));
        Assert.False(gate.Related(featurizer.Prepare(a), featurizer.Prepare(b)));
        // The planted contradiction shares 4 of the shorter claim's 6 stems: related at a quarter, and at a half.
        const string c = "the city will not raise property taxes next year";
        const string d = "property taxes will rise next year to pay for the harbor bridge repairs";
        Assert.True(gate.Related(c, d));
        Assert.True(new TopicGate(featurizer, 2, 0.5).Related(featurizer.Prepare(c), featurizer.Prepare(d)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopicGate(featurizer, 2, 1.5));
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
