using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 28 (issue 3), rule appositive_subject: a name set off by commas right before its verb is an appositive of the
/// content's own subject, not the subject of a new clause, so it does not end the outer content. bbc-news had
/// "he told MPs the Lord Chancellor, Lord Falconer, was insisting ..." as the content "the Lord Chancellor". Texts are ours.
/// </summary>
public class Round28RuleTests
{
    [Theory]
    [InlineData("Ms Varga told MPs the city engineer, Tom Reyes, was insisting the report was wrong.",
        "the city engineer, Tom Reyes, was insisting the report was wrong")]
    [InlineData("The minister said the harbour master, Ines Calloway, had insisted the pier stay shut.",
        "the harbour master, Ines Calloway, had insisted the pier stay shut")]
    public void An_appositive_name_before_its_verb_does_not_end_the_content(string text, string content)
    {
        var outer = RuleClaim(text, content[..12]);
        Assert.Equal(content, outer.ContentText);
        // The inner verb is still a claim of the named person.
        Assert.Contains(Run(text).Claims, c => c.ContentText != content && c.Speaker.Name.Contains(content.Split(", ")[1], StringComparison.Ordinal));
    }

    [Theory]
    // Negative cases: a new clause with its own subject still ends the content ...
    [InlineData("Ms Varga said the plan was sound, and Tom Reyes said it was too costly.", "the plan was sound")]
    // ... and so does a name after a comma that is followed by its verb at once.
    [InlineData("Ms Varga said the plan was sound, Tom Reyes said it was too costly.", "the plan was sound")]
    public void A_new_clause_with_its_own_subject_still_ends_the_content(string text, string content)
    {
        Assert.Equal(content, RuleClaim(text, content[..8]).ContentText);
    }
}
