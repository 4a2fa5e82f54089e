using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// The per-text facts the featurizer keeps on a prepared text (SCORE14: negations, modals, numbers, dates, subjects, voice,
/// slots read once per text instead of once per featurization): a text reused across pairs and directions gives, pair by
/// pair, exactly the features, hashed keys and reasons of texts prepared afresh for that pair alone.
/// </summary>
public class FeaturizerTextFactsTests
{
    private static readonly string[] Texts =
    [
        "The city will not raise taxes in 2025",
        "The city raised taxes by 120 jobs in March",
        "Russian soldiers entered the town on Monday",
        "No Belarusian soldiers took part, and they never will",
        "A tomato is being cut by a man",
        "A man is cutting a tomato",
        "If the plant is safe, all workers may return",
        "The plant is dangerous and some workers could not return",
        "40 jobs will go at the factory",
        "120 jobs will go at the factory",
    ];

    private static PairFeaturizer NewFeaturizer(int version) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1 << 12, version);

    private static string Describe(PairFeatures f) =>
        string.Join(",", f.Dense.Select(x => BitConverter.SingleToInt32Bits(x))) + " | " + string.Join(",", f.Hashed) + " | "
        + string.Join(" ; ", f.Reasons.Select(r => $"{r.Kind}: {r.Message} [{string.Join(" ", r.SpansA)}] [{string.Join(" ", r.SpansB)}]"))
        + " | " + f.DifferentSubjects;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Reused_prepared_texts_featurize_every_pair_both_ways_as_fresh_ones(int version)
    {
        var shared = NewFeaturizer(version);
        var prepared = Texts.Select(shared.Prepare).ToArray();
        int pairs = 0, withReasons = 0;
        // Twice over: the second round reads every text's facts as the first round left them.
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < Texts.Length; i++)
                for (int j = 0; j < Texts.Length; j++)
                {
                    if (i == j) continue;
                    var fresh = NewFeaturizer(version);
                    var expected = fresh.Featurize(fresh.Prepare(Texts[i]), fresh.Prepare(Texts[j]));
                    Assert.Equal(Describe(expected), Describe(shared.Featurize(prepared[i], prepared[j])));
                    pairs++;
                    if (expected.Reasons.Count > 0) withReasons++;
                }
        Assert.Equal(2 * 90, pairs);
        Assert.True(withReasons > 90, $"only {withReasons} featurizations had reasons: the texts should exercise them");
    }

    [Fact]
    public void Facts_are_made_once_per_prepared_text()
    {
        var f = NewFeaturizer(PairFeaturizer.Version);
        var a = f.Prepare(Texts[0]);
        var b = f.Prepare(Texts[1]);
        Assert.Null(a.Facts);
        f.Featurize(a, b);
        var facts = a.Facts;
        Assert.NotNull(facts);
        f.Featurize(b, a);
        f.Featurize(a, b);
        Assert.Same(facts, a.Facts);
        // What they hold for "The city will not raise taxes in 2025": the negation, the modal, the year as a date, no number.
        Assert.Equal(["not"], facts!.Negations.Select(w => w.Lower));
        Assert.Equal(["will"], facts.Modals.Select(w => w.Lower));
        Assert.Equal(["2025"], facts.Dates.Select(w => w.Lower));
        Assert.Empty(facts.Numbers);
        Assert.True(facts.Will);
        Assert.False(facts.Passive);
        Assert.True(f.Prepare(Texts[4]) is var passive && f.Featurize(passive, a) is not null && passive.Facts!.Passive);
    }
}
