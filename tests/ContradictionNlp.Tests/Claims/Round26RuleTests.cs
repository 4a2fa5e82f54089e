using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 26 (issue 3): a pronoun or description that is the source of a claim is never resolved to a name inside that
/// claim's content. "Mr Varga has the same drive as ever, he said" is not Mr Varga speaking: the name is what the speaker
/// talks about (bbc-news: 43 speakers changed, 38 for the better; see <c>MentionResolver.Resolve</c>). Texts are ours.
/// </summary>
public class Round26RuleTests
{
    [Theory]
    // The content before its source names someone else; the speaker is the person named before it.
    [InlineData("Campaign chief Alan Milburn spoke at the launch. Mr Varga has the same drive as ever, he said.", "Mr Varga has", "Alan Milburn")]
    // The source interrupts the content: the name before the interruption is still the content's.
    [InlineData("Oliver Letwin spoke to reporters. The Peter Hain attack, he said, is the latest example of a bad tone.", "The Peter Hain attack", "Oliver Letwin")]
    public void A_source_is_not_resolved_to_a_name_inside_its_own_content(string text, string contentStart, string speaker)
    {
        Assert.Equal(speaker, RuleClaim(text, contentStart).Speaker.Name);
        Assert.Contains(HybridSpeech(text), c => c.ContentText.StartsWith(contentStart, StringComparison.Ordinal) && c.Speaker.Name == speaker);
    }

    [Fact]
    public void One_pronoun_that_is_the_source_of_two_contents_is_one_person()
    {
        // "he claimed, saying ...": the second content does not name Mr Blair, but the one "he" is still not Mr Blair.
        const string text = "Michael Howard gave his new year message. Mr Blair has failed to tackle these problems, he claimed, saying he has the wrong solution.";
        var claims = Run(text).Claims;
        Assert.Equal("Michael Howard", Assert.Single(claims, c => c.ContentText.StartsWith("Mr Blair has", StringComparison.Ordinal)).Speaker.Name);
        Assert.Equal("Michael Howard", Assert.Single(claims, c => c.ContentText.StartsWith("he has the wrong", StringComparison.Ordinal)).Speaker.Name);
    }

    [Theory]
    // The rule must not touch a name before the content ...
    [InlineData("Ms Calloway met the council. She said the pier would reopen in June.", "the pier", "Calloway")]
    // ... nor a content that swallowed its own speech verb or a colon: what precedes it introduces the speaker.
    [InlineData("Jake Sullivan sent a note to Clinton. Clinton seemed irritated: \"It is a public statement! Just send it,\" she wrote.", "Clinton seemed", "Clinton")]
    public void Names_outside_the_content_or_before_its_own_verb_stay_candidates(string text, string contentStart, string speaker)
    {
        foreach (var c in HybridSpeech(text).Where(c => c.ContentText.StartsWith(contentStart, StringComparison.Ordinal)))
            Assert.True(c.Speaker.Name.EndsWith(speaker, StringComparison.Ordinal), $"{c.CueText} | {c.ContentText} | {c.Speaker.Text} -> {c.Speaker.Name}");
        if (Run(text).Claims.FirstOrDefault(c => c.ContentText.StartsWith(contentStart, StringComparison.Ordinal)) is { } rules)
            Assert.EndsWith(speaker, rules.Speaker.Name, StringComparison.Ordinal);
    }
}
