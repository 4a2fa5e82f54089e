using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 7 boundary rules (issue 3): where a forward content ends before the reporter's own addition.
/// <c>nonrestrictive_relative</c> (", who ...", ", where ..."), <c>appositive_comment</c> (", a swipe at
/// ..."), <c>interview_venue</c> ("in an interview"). Texts are ours.
/// </summary>
public class Round7BoundaryTests
{
    [Theory]
    // nonrestrictive_relative: the relative clause describes a name for the reader.
    [InlineData("Jane Roe said the seat would go to Tom Reyes, who leads the count in Ohio.",
        "Jane Roe | said | the seat would go to Tom Reyes")]
    [InlineData("Jane Roe said the vote would be held in Dayton, where the mill closed last year.",
        "Jane Roe | said | the vote would be held in Dayton")]
    // appositive_comment: a noun phrase after the clause is the reporter's comment on it.
    [InlineData("Jane Roe said the crowd at her rally would stay calm, a jab at the police chief.",
        "Jane Roe | said | the crowd at her rally would stay calm")]
    // interview_venue: where it was said is not part of what was said.
    [InlineData("Jane Roe said the bridge was safe in an interview on Monday.",
        "Jane Roe | said | the bridge was safe")]
    [InlineData("Jane Roe said the bridge was safe in a statement to reporters.",
        "Jane Roe | said | the bridge was safe")]
    public void The_content_ends_before_the_reporters_addition(string text, string expected) =>
        Assert.Equal([expected], Lines(text));

    [Theory]
    // A restrictive relative (no comma) belongs to the noun it defines.
    [InlineData("Jane Roe said the people who voted early were right.",
        "Jane Roe | said | the people who voted early were right")]
    // ", and a" is coordination inside the content, not an appositive.
    [InlineData("Jane Roe said prices rose, and a strike began in the port.",
        "Jane Roe | said | prices rose, and a strike began in the port")]
    // "in interviews" (no article) and "in a sworn statement" are not the fixed venue phrases.
    [InlineData("Jane Roe said the mayor gave details in interviews with donors.",
        "Jane Roe | said | the mayor gave details in interviews with donors")]
    [InlineData("Jane Roe said the mayor lied in a sworn statement.",
        "Jane Roe | said | the mayor lied in a sworn statement")]
    // Commas inside a quotation do not count.
    [InlineData("Jane Roe said the plan was \u201Cbad for Ohio, a state that deserves better\u201D and should end.",
        "Jane Roe | said | the plan was \u201Cbad for Ohio, a state that deserves better\u201D and should end")]
    public void The_content_keeps_what_belongs_to_it(string text, string expected) =>
        Assert.Equal([expected], Lines(text));
}

/// <summary>
/// Round 7 forms the rules missed: <c>signed_quote_period</c> ("“...” ― Jane Roe." with a period after the
/// signature) and <c>quoted_transcript_turn</c> (a transcript pasted with a quote mark opening each turn).
/// </summary>
public class Round7MissedFormTests
{
    [Fact]
    public void A_signature_ending_in_a_period_still_signs_the_quote()
    {
        var text = "Readers wrote in.\n\u201CThe debate changed my mind.\u201D\u2015 Jane Roe.\n\u201CNothing changed for me.\u201D \u2015 Tom Reyes\n";
        Assert.Equal(
        [
            "Jane Roe | \u2015 | The debate changed my mind",
            "Tom Reyes | \u2015 | Nothing changed for me",
        ], Lines(text));
    }

    [Fact]
    public void A_place_after_the_dash_signs_nothing_even_with_a_period()
    {
        var text = "Readers wrote in.\n\u201CThe debate changed my mind.\u201D\u2015 Chicago.\n";
        Assert.Empty(Run(text).Claims);
    }

    [Fact]
    public void A_transcript_turn_opened_by_a_quote_mark_is_a_claim_by_the_labelled_speaker()
    {
        var text = "The transcript follows.\n\"ROE: Well, we simply do not have the votes yet.\n\"DOE: We will have them by Friday.\n";
        Assert.Equal(
        [
            "ROE | : | Well, we simply do not have the votes yet",
            "DOE | : | We will have them by Friday",
        ], Lines(text));
    }

    [Theory]
    // The quote mark opens a quotation that closes on the line: it is a quotation, not a turn label.
    [InlineData("The poster read:\n\"ROE: we have the votes\" and nothing else.\n")]
    // A heading opened by a quote mark: a determiner is no speaker label.
    [InlineData("Notes.\n\"The Latest: we have the votes, the count goes on.\n")]
    public void A_leading_quote_mark_does_not_make_a_turn_of_anything_else(string text) =>
        Assert.DoesNotContain(Lines(text), l => l.Contains(" | : | ", StringComparison.Ordinal));
}

/// <summary>
/// Rule <c>continued_quote_sentence</c>: after "“A,” said X." a quotation that opens the next sentence and
/// ends with its own sentence mark continues X's words even when the line goes on after it.
/// </summary>
public class Round7ContinuedQuoteTests
{
    [Fact]
    public void A_whole_quoted_sentence_after_the_attribution_continues_the_quote()
    {
        var (claims, _) = Run("\u201CThe bridge is safe,\u201D said Ana Silva. \u201CWe checked every bolt twice.\u201D The council met later.");
        var c = Assert.Single(claims);
        Assert.Equal("Ana Silva", c.Speaker.Text);
        Assert.Equal("The bridge is safe \u2026 We checked every bolt twice", c.ContentText);
    }

    [Fact]
    public void A_quotation_ending_in_a_comma_has_its_own_attribution()
    {
        var lines = Lines("\u201CThe bridge is safe,\u201D said Ana Silva. \u201CWe checked every bolt twice,\u201D the engineer added.");
        Assert.Equal(
        [
            "Ana Silva | said | The bridge is safe",
            "?the engineer | added | We checked every bolt twice",
        ], lines);
    }
}

/// <summary>Rule <c>newsletter_item</c>: "Heading - Name: “quotation”" on one line of a digest.</summary>
public class Round7NewsletterItemTests
{
    [Fact]
    public void A_digest_item_is_a_claim_by_the_name_before_the_colon()
    {
        var text = "Digest.\nPollsters agree - Jane Roe: \u201COne lesson was simple: call voters late.\u201D\nMore later.\n";
        Assert.Equal(["Jane Roe | : | One lesson was simple: call voters late"], Lines(text));
    }

    [Theory]
    // No quotation after the colon: a heading, not a quoted item.
    [InlineData("Digest.\nTurnout rose - Jane Roe: a profile of the pollster.\n")]
    // The dash is inside a sentence, not after a line's heading: the line opens elsewhere.
    [InlineData("Digest. Turnout rose - Jane Roe: \u201COne lesson was simple: call voters late.\u201D\n")]
    public void Not_a_digest_item(string text) =>
        Assert.DoesNotContain(Lines(text), l => l.Contains(" | : | ", StringComparison.Ordinal));
}
