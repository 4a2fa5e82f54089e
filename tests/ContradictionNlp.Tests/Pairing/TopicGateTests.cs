using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tests.Scoring;

namespace ContradictionNlp.Tests.Pairing;

public class TopicGateTests
{
    private static TopicGate Gate(int min = 1) =>
        new(new PairFeaturizer(ShippedModels.Catalog.LoadSifEmbedder(), ShippedModels.Catalog.LoadLexicon(), 16), min);

    [Theory]
    [InlineData("property taxes will not rise", "the city raised property taxes", true)]   // "taxes" shared
    [InlineData("the ferry timetable will end on April 1", "two extra crossings will be added", false)]
    [InlineData("we will not do it", "they did it before", false)]                        // function words only
    public void Related_means_a_shared_content_stem(string a, string b, bool related) =>
        Assert.Equal(related, Gate().Related(a, b));

    [Fact]
    public void Min_shared_counts_distinct_stems_and_must_be_positive()
    {
        Assert.False(Gate(2).Related("taxes will rise", "taxes will fall"));
        Assert.True(Gate(2).Related("property taxes will rise", "property taxes will fall"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gate(0));
    }

    [Fact]
    public void Single_letters_are_not_shared_topics_but_single_digits_are()
    {
        // "U.S." and "U-S-A!" both give the stems "u" and "s": initials, not a topic.
        Assert.False(Gate(2).Related("the attack on the U.S. compound in Benghazi", "U-S-A! U-S-A!"));
        Assert.False(Gate(1).Related("the U.S. economy grew", "U-S-A!"));
        // Negative case: a real shared word next to the initials still counts.
        Assert.True(Gate(1).Related("the U.S. economy grew", "the economy of the U.S. shrank"));
        // A single digit is a number, and numbers are what many contradictions turn on.
        Assert.True(Gate(2).Related("5 plants will close", "only 5 plants remain"));
    }

    [Fact]
    public void Pair_scorer_returns_the_unrelated_score_without_calling_the_model()
    {
        var calls = 0;
        var scorer = new CountingScorer(() => calls++);
        var ps = new PairScorer(scorer, Gate());
        var s = ps.ScoreTexts("the ferry timetable will end on April 1", "two extra crossings will be added");
        Assert.Same(PairScorer.Unrelated, s);
        Assert.Equal("unrelated", Assert.Single(s.Reasons).Kind);
        Assert.Equal(0, calls);
        var t = ps.ScoreTexts("property taxes will rise", "property taxes will fall");
        Assert.Equal(2, calls); // both directions
        // The direction with the higher contradiction probability wins, whole.
        Assert.Equal((0.6, 0.2, 0.2), (t.Contradiction, t.Entailment, t.Neutral));
    }

    /// <summary>Returns (0.6,0.2,0.2) then (0.4,0.3,0.3), alternately.</summary>
    private sealed class CountingScorer(Action onCall) : IContradictionScorer
    {
        private int _n;
        public string ModelVersion => "counting";
        public ContradictionScore Score(string premise, string hypothesis)
        {
            onCall();
            return _n++ % 2 == 0 ? new ContradictionScore(0.6, 0.2, 0.2, []) : new ContradictionScore(0.4, 0.3, 0.3, []);
        }
    }
}
