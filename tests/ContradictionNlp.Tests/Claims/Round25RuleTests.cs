using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 25 (issue 3): a sentence opening with a question put to its subject ("Asked about X, Mr Brown said Y") gives
/// the learned tagger's "Asked about" cue no source. It used to take the nearest tagged source, the subject who was
/// asked, so the question became his claim. Texts are ours; the shipped tagger reads them.
/// </summary>
public class Round25RuleTests
{
    [Theory]
    [InlineData("Asked about claims that he distrusted the mayor, Mr Brennan said he was getting on with his job.", "Asked")]
    [InlineData("Asked whether the ferry would run in winter, Ms Calloway said no decision had been taken.", "Asked")]
    [InlineData("Pressed on whether he would resign, Mr Brennan said he would not.", "Pressed")]
    [InlineData("“Questioned about the delay, the harbor master said the dock would open in August.", "Questioned")]
    public void A_question_opening_the_sentence_is_nobody_s_claim_in_the_pipeline(string text, string participle)
    {
        // The tagger may or may not tag the participle as a cue; where it does, that claim has no speaker.
        foreach (var c in Learned(text).Where(c => c.CueText.StartsWith(participle, StringComparison.Ordinal)))
            Assert.True(c.Speaker.Span.IsEmpty, $"'{c.CueText}' got speaker '{c.Speaker.Text}'");
        // The pipeline's extractor keeps the subject's own statement and nothing cued by the participle.
        var claims = HybridSpeech(text);
        Assert.Contains(claims, c => c.CueText == "said");
        Assert.DoesNotContain(claims, c => c.CueText.StartsWith(participle, StringComparison.Ordinal));
    }

    [Fact]
    public void The_tagger_does_tag_the_participle_so_the_rule_is_what_removes_its_speaker()
    {
        // Guard against a vacuous theory above: on this sentence the shipped tagger marks "Asked" as a cue, and without the
        // rule the claim took "Ms Calloway" as its speaker and reached the pipeline (checked by switching the rule off).
        var asked = Assert.Single(Learned("Asked whether the ferry would run in winter, Ms Calloway said no decision had been taken."),
            c => c.CueText.StartsWith("Asked", StringComparison.Ordinal));
        Assert.Equal("", asked.Speaker.Text);
        Assert.Equal("whether the ferry would run in winter", asked.ContentText);
    }

    [Theory]
    [InlineData("The council asked the court to block the sale, Mr Brennan said.")]   // "asked" inside the sentence: the council asked
    [InlineData("Mr Brennan asked whether the ferry would run in winter.")]
    public void Asked_after_its_subject_keeps_the_subject_as_the_one_asking(string text)
    {
        foreach (var c in Learned(text).Where(c => c.CueText.StartsWith("asked", StringComparison.Ordinal)))
            Assert.False(c.Speaker.Span.IsEmpty, $"'{c.CueText}' lost its speaker");
    }
}
