using ContradictionNlp.Scoring;

namespace ContradictionNlp.Tests.Scoring;

/// <summary>
/// The featurizer keeps, per word of the vector vocabulary, its lower form, stem, content flag and WordNet relations
/// after first sight (perf). A featurizer that has seen every word before (warm) must analyse and featurize exactly as
/// one that has seen none (a new instance per text or pair), including the parts that depend on the occurrence (the
/// capital, the span) rather than on the word, words outside the vocabulary and words too long for the stack buffer.
/// </summary>
public class FeaturizerKnownWordTests
{
    private static readonly string LongWord = new string('x', 70) + "ing";

    private static readonly string[] Texts =
    [
        "Rain fell on the city, and then the rain stopped.",          // "rain" at the start (no capital) and later
        "The minister said rain would fall; Rain said it would not.", // "Rain" capitalised mid-text: a name
        "Prices went up by 5 percent while wages went down.",         // irregular lemma "went", a number
        "The ponies were running and the companies were hiring.",     // stems through -ies, -ing
        "Zorbleflax quintuplicated the flibbertigibbets " + LongWord + ".", // out of vocabulary, one over 64 chars
        "The dog chased the cat, and the cat did not chase the dog.",
        "Officials denied that the bridge was closed.",
        "Officials confirmed that the bridge was open.",
    ];

    private static PairFeaturizer NewFeaturizer(int version) =>
        new(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 1 << 12, version);

    private static void AssertSameWords(PreparedText expected, PreparedText actual)
    {
        Assert.Equal(expected.Words.Count, actual.Words.Count);
        for (var i = 0; i < expected.Words.Count; i++)
        {
            var (e, a) = (expected.Words[i], actual.Words[i]);
            Assert.Equal((e.Lower, e.Stem, e.Span, e.Vec, e.Content, e.Cap), (a.Lower, a.Stem, a.Span, a.Vec, a.Content, a.Cap));
        }
        Assert.Equal(expected.Content.Select(w => w.Span), actual.Content.Select(w => w.Span));
        Assert.Equal(expected.ContentStems, actual.ContentStems);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void A_warm_featurizer_prepares_every_text_as_a_new_one_does(int version)
    {
        var warm = NewFeaturizer(version);
        foreach (var t in Texts) warm.Prepare(t);
        foreach (var t in Texts) AssertSameWords(NewFeaturizer(version).Prepare(t), warm.Prepare(t));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_warm_featurizer_featurizes_every_ordered_pair_as_a_new_one_does(int version)
    {
        var warm = NewFeaturizer(version);
        foreach (var a in Texts)
            foreach (var b in Texts)
                warm.Featurize(a, b);
        foreach (var a in Texts)
            foreach (var b in Texts)
            {
                var expected = NewFeaturizer(version).Featurize(a, b);
                var actual = warm.Featurize(warm.Prepare(a), warm.Prepare(b));
                Assert.Equal(expected.Dense.Select(BitConverter.SingleToInt32Bits), actual.Dense.Select(BitConverter.SingleToInt32Bits));
                Assert.Equal(expected.Hashed, actual.Hashed);
                Assert.Equal(expected.Reasons.Select(r => (r.Kind, r.Message)), actual.Reasons.Select(r => (r.Kind, r.Message)));
            }
    }

    [Fact]
    public void The_capital_belongs_to_the_occurrence_not_to_the_remembered_word()
    {
        var f = NewFeaturizer(5);
        f.Prepare("Rain fell.");                         // "rain" first seen at the start: no capital
        var words = f.Prepare("They said Rain fell and rain stopped.").Words;
        var rains = words.Where(w => w.Lower == "rain").ToList();
        Assert.Equal(2, rains.Count);
        Assert.True(rains[0].Cap);
        Assert.False(rains[1].Cap);
        Assert.True(rains[0].Vec >= 0);
    }

    [Fact]
    public void A_word_seen_before_reuses_the_first_sights_analysis()
    {
        // What makes the table pay: the second text's "ponies" is the first one's string, not a new one.
        var f = NewFeaturizer(5);
        var first = f.Prepare("The ponies ran.").Words.Single(w => w.Lower == "ponies");
        var second = f.Prepare("Ponies and more ponies.").Words.Where(w => w.Lower == "ponies").ToList();
        Assert.Equal(2, second.Count);
        Assert.All(second, w => Assert.Same(first.Lower, w.Lower));
        Assert.All(second, w => Assert.Same(first.Stem, w.Stem));
        // A word outside the vocabulary (Vec -1) is analysed afresh each time.
        var odd1 = f.Prepare("Zorbleflax spoke.").Words[0];
        var odd2 = f.Prepare("Zorbleflax spoke.").Words[0];
        Assert.Equal(-1, odd1.Vec);
        Assert.Equal(odd1.Lower, odd2.Lower);
        Assert.NotSame(odd1.Lower, odd2.Lower);
    }
}
