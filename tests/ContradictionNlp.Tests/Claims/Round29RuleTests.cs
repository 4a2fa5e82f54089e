using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 29 (issue 3), rule parenthetical_conjunction: "A, X said, until/and/because B" is one statement interrupted by its
/// attribution, and PolNeAR marks both parts as the content (dev: 6 boundary errors of this form, train: 9). Before, only A
/// was the content. The negative cases are the joins the rule's limits refuse, each seen on PolNeAR train. Texts are ours.
/// </summary>
public class Round29RuleTests
{
    [Theory]
    [InlineData("The old cannery was profitable, Ms Varga said, until it lost its fishing licence in 1999.",
        "The old cannery was profitable \u2026 until it lost its fishing licence in 1999")]
    [InlineData("The middle fifth paid 9 percent, the agency said in a June report, and the bottom fifth paid 1 percent.",
        "The middle fifth paid 9 percent \u2026 and the bottom fifth paid 1 percent")]
    [InlineData("The council is leaning toward the harbour plan, he said, because it costs less than the bridge.",
        "The council is leaning toward the harbour plan \u2026 because it costs less than the bridge")]
    public void A_conjunction_after_the_attribution_carries_the_statement_on(string text, string content)
    {
        var c = RuleClaim(text, content[..12]);
        Assert.Equal(content, c.ContentText);
        Assert.False(c.ContentGap.IsEmpty);
    }

    [Fact]
    public void According_to_in_the_middle_joins_the_same_way()
    {
        var c = RuleClaim("Ms Varga leads by 15 points in the north, according to the harbour poll, and has a small lead in the south.", "Ms Varga leads");
        Assert.Equal("Ms Varga leads by 15 points in the north \u2026 and has a small lead in the south", c.ContentText);
    }

    [Theory]
    // An introductory phrase before the speaker is no statement.
    [InlineData("In the end, the council agreed to lend the club $5 million, and the union also stepped in with money.")]
    // The cue's own complement follows it: "agreed to ..." is what was agreed, not an interruption.
    [InlineData("Happily, Tom Reyes also agreed to pay the bill tonight, and he is even buying the drinks.")]
    public void No_join_without_a_statement_before_the_attribution(string text)
    {
        Assert.DoesNotContain(Run(text).Claims, c => c.ContentText.Contains('\u2026'));
    }

    [Theory]
    // The resumed part has an attribution of its own: it is a new statement.
    [InlineData("Victory is vital, he said after meeting the mayor, because he said the party leaders want to block the plan.",
        "Victory is vital")]
    // "as" opens the reporter's adjunct (round 5), and it is no conjunction here either.
    [InlineData("The city's new tax on trucks is a mistake, she said, as the council met.", "The city's new tax on trucks is a mistake")]
    // Two words are no statement to carry on.
    [InlineData("And so, he said, while the council argued, the harbour stayed closed for a month.", null)]
    public void The_lead_alone_or_nothing_when_the_conjunction_does_not_resume_it(string text, string? content)
    {
        var claims = Run(text).Claims;
        Assert.DoesNotContain(claims, c => c.ContentText.Contains('\u2026'));
        if (content is not null) Assert.Contains(claims, c => c.ContentText == content);
    }
}

/// <summary>
/// Rule sets (round 29): the scorer's synthetic rows are made by the rule set its manifest names, so a rule that changes
/// them must stay off in older rule sets.
/// </summary>
public class RuleSetTests
{
    private const string Text = "The old cannery was profitable, Ms Varga said, until it lost its fishing licence in 1999.";

    private static IReadOnlyList<ContradictionNlp.Claims.Claim> Extract(int rules)
    {
        var article = ContradictionNlp.Ingestion.Article.Create("t", null, null, null, Text, "t.txt");
        return new ContradictionNlp.Claims.ClaimExtractor(rules)
            .Extract(article, new ContradictionNlp.Tokenization.TextAnalyzer().Analyze(Text), new ContradictionNlp.Text.DiagnosticBag());
    }

    [Fact]
    public void Rule_set_28_keeps_the_lead_alone_and_29_joins_both_parts()
    {
        Assert.Equal("The old cannery was profitable", Assert.Single(Extract(28)).ContentText);
        Assert.Equal("The old cannery was profitable \u2026 until it lost its fishing licence in 1999", Assert.Single(Extract(29)).ContentText);
        Assert.Equal(ContradictionNlp.Claims.ClaimExtractor.LatestRules, new ContradictionNlp.Claims.ClaimExtractor().Rules);
    }

    [Theory]
    [InlineData(27)]
    [InlineData(30)]
    public void An_unknown_rule_set_is_refused(int rules)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ContradictionNlp.Claims.ClaimExtractor(rules));
        Assert.StartsWith("The rule set must be 28..29.", ex.Message);
    }
}
