using ContradictionNlp.Claims;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Pairing;

public class CuePolarityTests
{
    [Theory]
    // A form of "deny" denies the whole content.
    [InlineData("denied", "the troops crossed the border", 0)]
    [InlineData("has repeatedly denied", "the troops crossed the border", 0)]
    [InlineData("Denies", "any wrongdoing", 0)]
    // ... after a leading report and its "that", or at the clause that follows the report noun.
    [InlineData("denied", "claims that the troops crossed", 12)]
    [InlineData("denied", "Conservative claims that he fiddled the figures", 25)]
    [InlineData("dismissed", "reports he would quit before the election", 8)]
    [InlineData("rejected", "newspaper speculation that his father entered illegally", 27)]
    [InlineData("also rejected claims", "that the deal is off", 5)]
    public void A_denial_returns_where_the_denied_proposition_starts(string cue, string content, int expected)
    {
        Assert.Equal(expected, CuePolarity.DeniedAt(cue, content));
    }

    [Theory]
    // Assertions.
    [InlineData("said", "the troops crossed the border")]
    [InlineData("confirmed", "the troops crossed the border")]
    // The speaker is the one refused: passives.
    [InlineData("was denied", "entry to the country")]
    [InlineData("were rejected", "claims that the deal is off")]
    [InlineData("was twice denied", "a visa")]
    // A rejected plan, idea or offer is a stance, not a denied proposition.
    [InlineData("rejected", "the proposal to cut the budget")]
    [InlineData("dismissed", "the idea, saying intercept evidence is only a small part of the case")]
    [InlineData("rejected", "claims of fraud")]
    // The extractor read the speaker's next clause as what was denied: nothing to negate.
    [InlineData("denied", ", saying he was happy to take on the challenge")]
    [InlineData("denied", "saying he was happy to take on the challenge")]
    public void Other_cues_and_contents_assert(string cue, string content)
    {
        Assert.Equal(-1, CuePolarity.DeniedAt(cue, content));
    }

    /// <summary>Returns (C, E, N) by the premise it is given, so which direction the denial rule reads is visible.</summary>
    private sealed class ByPremiseScorer(Dictionary<string, (double C, double E, double N)> byPremise) : IContradictionScorer
    {
        public string ModelVersion => "by-premise";
        public List<(string P, string H)> Calls { get; } = [];

        public ContradictionScore Score(string premise, string hypothesis)
        {
            Calls.Add((premise, hypothesis));
            var (c, e, n) = byPremise[premise];
            // One reason with a span on each side, to check the shift into the claim's content.
            return new ContradictionScore(c, e, n, [new Reason("aligned", "m", [new TextSpan(0, 3)], [new TextSpan(0, 3)])]);
        }
    }

    /// <summary>A claim by speaker X whose content is the whole text (ClauseCoreTests build theirs with it too).</summary>
    internal static Claim C(string cue, string content) => new(
        Claim.MakeId("art", new TextSpan(0, content.Length)), "art", 0, new TextSpan(0, content.Length),
        new SpeakerMention(new TextSpan(0, 0), "", MentionKind.Name, "X", []), new TextSpan(0, 0), cue,
        new TextSpan(0, content.Length), content, ClaimKind.ReportedSpeech, null);

    [Fact]
    public void A_denied_and_an_asserted_claim_read_the_asserted_to_denied_direction_with_contradiction_and_entailment_swapped()
    {
        var scorer = new ByPremiseScorer(new()
        {
            ["the troops crossed the border in February"] = (0.05, 0.85, 0.10), // asserted -> denied: entailed
            ["the troops crossed the border"] = (0.30, 0.20, 0.50),
        });
        var denied = C("denied", "claims that the troops crossed the border");
        var asserted = C("confirmed", "the troops crossed the border in February");

        var s = new PairScorer(scorer).ScoreClaims(denied, asserted);

        // The denied side is scored without its "claims that" (12 characters), both ways, a->b first.
        Assert.Equal([("the troops crossed the border", "the troops crossed the border in February"),
                      ("the troops crossed the border in February", "the troops crossed the border")], scorer.Calls);
        Assert.Equal((0.85, 0.05, 0.10), (s.Contradiction, s.Entailment, s.Neutral));
        Assert.Equal(["denial", "aligned"], s.Reasons.Select(r => r.Kind));
        Assert.StartsWith("'denied' denies what the first claim says", s.Reasons[0].Message, StringComparison.Ordinal);
        // Spans index the claims' contents: the denied side's moved past "claims that ".
        Assert.Equal((new TextSpan(12, 15), new TextSpan(0, 3)), (s.Reasons[1].SpansA[0], s.Reasons[1].SpansB[0]));

        // The other order reads the same direction (asserted -> denied).
        var t = new PairScorer(new ByPremiseScorer(new()
        {
            ["the troops crossed the border in February"] = (0.05, 0.85, 0.10),
            ["the troops crossed the border"] = (0.30, 0.20, 0.50),
        })).ScoreClaims(asserted, denied);
        Assert.Equal((0.85, 0.05, 0.10), (t.Contradiction, t.Entailment, t.Neutral));
        Assert.StartsWith("'denied' denies what the second claim says", t.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Denying_what_the_other_claim_contradicts_is_agreement()
    {
        // "the library will stay open" contradicts "the council will close the library": denying the latter agrees.
        var scorer = new ByPremiseScorer(new()
        {
            ["the library will stay open"] = (0.90, 0.02, 0.08),
            ["the council will close the library"] = (0.85, 0.05, 0.10),
        });
        var s = new PairScorer(scorer).ScoreClaims(C("denied", "the council will close the library"), C("said", "the library will stay open"));
        Assert.Equal((0.02, 0.90, 0.08), (s.Contradiction, s.Entailment, s.Neutral));
    }

    [Fact]
    public void Two_denials_or_two_assertions_are_scored_as_plain_texts()
    {
        var scorer = new ByPremiseScorer(new() { ["taxes will rise"] = (0.1, 0.8, 0.1), ["taxes will not rise"] = (0.9, 0.05, 0.05) });
        var pairScorer = new PairScorer(scorer);
        var both = pairScorer.ScoreClaims(C("denied", "taxes will rise"), C("denied", "taxes will not rise"));
        var plain = pairScorer.ScoreTexts("taxes will rise", "taxes will not rise");
        Assert.Equal((plain.Contradiction, plain.Entailment, plain.Neutral), (both.Contradiction, both.Entailment, both.Neutral));
        Assert.DoesNotContain(both.Reasons, r => r.Kind == "denial");
        Assert.Equal(0.9, pairScorer.ScoreClaims(C("said", "taxes will rise"), C("added", "taxes will not rise")).Contradiction);
    }

    [Tests.EndToEnd.RealModelsFact]
    public void The_bundled_scorer_flags_a_denial_then_an_admission_and_not_a_denial_then_agreement()
    {
        var pairScorer = new PairScorer(ModelCatalog.Open(Tests.EndToEnd.RealModels.Directory).LoadScorer());
        var admission = pairScorer.ScoreClaims(C("denied", "the company will move its head office out of the city"),
            C("confirmed", "the company will move its head office out of the city next year"));
        var agreement = pairScorer.ScoreClaims(C("denied", "the council will close the old library"), C("said", "the old library will stay open"));
        // As plain texts the first pair is a restatement and the second a contradiction (close / open): the reverse.
        var asTexts = (pairScorer.ScoreTexts("the company will move its head office out of the city", "the company will move its head office out of the city next year"),
                       pairScorer.ScoreTexts("the council will close the old library", "the old library will stay open"));
        Assert.True(admission.Contradiction >= 0.5, $"admission {admission.Contradiction}");
        Assert.True(agreement.Contradiction < 0.5, $"agreement {agreement.Contradiction}");
        Assert.True(asTexts.Item1.Contradiction < 0.5 && asTexts.Item2.Contradiction >= 0.5, $"as texts {asTexts.Item1.Contradiction} / {asTexts.Item2.Contradiction}");
    }
}
