using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>House styles of real news text (sentences are ours): NYT double apostrophes, long
/// appositives, party tags in parentheses, interrupted quotes, transcripts, polls.</summary>
public class NewsStyleTests
{
    [Theory]
    [InlineData("''Taxes will rise next year,'' Mr. Roe said.", "Roe | said | Taxes will rise next year")]
    [InlineData("Jane Roe, director of the institute at the state university, said the rule was illegal.",
        "Jane Roe | said | the rule was illegal")]
    [InlineData("Jane Roe, the attorney general of Utah, one of the states in the suit, said the rule was illegal.",
        "Jane Roe | said | the rule was illegal")]
    [InlineData("Rep. Jane Roe (D-Ore.) said the vote was rigged.", "Jane Roe | said | the vote was rigged")]
    [InlineData("\"The vote was rigged,\" said Rep. Jane Roe (D-Ore.), head of the caucus.", "Jane Roe | said | The vote was rigged")]
    [InlineData("The Utah senators said in a statement Saturday that the deal was dead.", "?The Utah senators | said | the deal was dead")]
    [InlineData("Forty percent said they would vote early.", "?Forty percent | said | they would vote early")]
    [InlineData("A new poll shows that most voters oppose the plan.", "?A new poll | shows | most voters oppose the plan")]
    [InlineData("The study found wages rose in every county.", "?The study | found | wages rose in every county")]
    [InlineData("Jane Roe says of the governor, \"He never answers a question.\"", "Jane Roe | says | He never answers a question")]
    [InlineData("Jane Roe told a meeting of county leaders that the bridge would be rebuilt.", "Jane Roe | told | the bridge would be rebuilt")]
    [InlineData("Asked about the fire, Jane Roe said, \u201CWe will rebuild every house on this street.\u201D", "Jane Roe | said | We will rebuild every house on this street")]
    [InlineData("\u201CThe rule is illegal,\u201D Jane Roe, one of the lawyers suing the EPA, said on Monday.", "Jane Roe | said | The rule is illegal")]
    [InlineData("In an interview on CBS's \"Face the Nation,\" Jane Roe said the protests demand more listening.", "Jane Roe | said | the protests demand more listening")]
    [InlineData("The White House has long said it opposes the bill.", "White House | said | it opposes the bill")]
    [InlineData("Most inmates are held on drug charges, according to the Federal Bureau of Prisons.", "Federal Bureau of Prisons | according to | Most inmates are held on drug charges")]
    [InlineData("Ana Silva spoke first. \u201CIs the dam safe?\u201D she said.", "Ana Silva | said | Is the dam safe?")]
    [InlineData("Jane Roe called the charges fabricated.", "Jane Roe | called | the charges fabricated")]
    [InlineData("Jane Roe called Reyes a liar.", "Jane Roe | called | Reyes a liar")]
    [InlineData("Jane Roe called for a recount in three counties.", "Jane Roe | called for | a recount in three counties")]
    [InlineData("Experts on trade and tariffs said the deal would collapse.", "?Experts on trade and tariffs | said | the deal would collapse")]
    [InlineData("Attorneys for the family said the video was incomplete.", "?Attorneys for the family | said | the video was incomplete")]
    [InlineData("Officials said the road would reopen.", "?Officials | said | the road would reopen")]
    public void News_style_attributions(string text, string expected) => Assert.Equal([expected], Lines(text));

    [Theory]
    [InlineData("Police found a body near the river.")]             // finding verb without a document subject
    [InlineData("WASHINGTON \u2015 The senate passed the bill on Friday.")]   // dateline, not a speaker
    [InlineData("In a statement, he said.")]                         // nothing left for content
    [InlineData("Jane Roe called Tom Reyes on Friday.")]             // a phone call, not a characterisation
    [InlineData("Jane Roe called off the strike.")]
    [InlineData("The union was called in to help.")]
    public void Not_attributions(string text) => Assert.Empty(Run(text).Claims);

    [Fact]
    public void An_interrupted_quote_takes_both_parts_with_the_attribution_as_its_gap()
    {
        var text = "Jane Roe spoke at the rally.\n\"It is over,\" she said. \"Nobody in this town wants another year of the same fight.\"\n";
        Assert.Equal(["Jane Roe | said | It is over \u2026 Nobody in this town wants another year of the same fight"], Lines(text));
        var c = Assert.Single(Run(text).Claims);
        // The span covers both parts; the gap is the attribution between them, so neither part includes it.
        Assert.Equal("It is over,\" she said. \"Nobody in this town wants another year of the same fight", c.Content.Of(text));
        Assert.Equal([text.IndexOf("It is over", StringComparison.Ordinal), text.IndexOf("Nobody", StringComparison.Ordinal)], c.ContentParts.Select(p => p.Start));
        Assert.Equal(["It is over", "Nobody in this town wants another year of the same fight"], c.ContentParts.Select(p => p.Of(text)));
    }

    [Fact]
    public void An_inverted_attribution_with_an_appositive_still_finds_the_quote_that_resumes()
    {
        var text = "''It is not reform,'' said Jane Roe, an economist at the institute. ''It adds more rules for every small business in the state.''\n";
        Assert.Equal(["Jane Roe | said | It is not reform \u2026 It adds more rules for every small business in the state"], Lines(text));
    }

    [Fact]
    public void A_quote_followed_by_more_text_in_its_paragraph_is_not_joined()
    {
        // The next sentence's quotation does not end the paragraph: it may be someone else's; the content stays one part.
        var text = "\"It is over,\" Jane Roe said. \"We lost,\" Tom Reyes said later.\n";
        var claims = Run(text).Claims;
        Assert.Equal(["Jane Roe | said | It is over", "Tom Reyes | said | We lost"], claims.Select(ClaimFormatter.Format));
        Assert.All(claims, c => Assert.True(c.ContentGap.IsEmpty));
    }

    [Theory]
    [InlineData("Jane Roe vowed to cut the sales tax.", "Jane Roe | vowed | to cut the sales tax")]
    [InlineData("The governor agreed Monday to release the funds.", "?The governor | agreed | to release the funds")]
    [InlineData("Jane Roe promised to end the strike by May.", "Jane Roe | promised | to end the strike by May")]
    public void A_commitment_cue_takes_its_infinitive_as_content(string text, string expected) => Assert.Equal([expected], Lines(text));

    [Theory]
    [InlineData("Jane Roe agreed to the deal.")]             // "to" + a noun phrase: no commitment stated
    [InlineData("Jane Roe promised to him that.")]          // "to" + an object pronoun
    [InlineData("Jane Roe said to leave.")]                 // not a commitment cue: no infinitive content
    public void Not_an_infinitive_commitment(string text) => Assert.Empty(Run(text).Claims);

    [Fact]
    public void A_parenthetical_attribution_splits_reported_speech_into_two_parts()
    {
        var text = "During his years in office, Mr. Roe said, he had cut the deficit in half.";
        var c = Assert.Single(Run(text).Claims);
        Assert.Equal("During his years in office \u2026 he had cut the deficit in half", c.ContentText);
        Assert.Equal(", Mr. Roe said, ", c.ContentGap.Of(text));
    }

    [Fact]
    public void A_quotation_that_finishes_the_speakers_sentence_takes_the_whole_sentence()
    {
        var text = "Whatever the motive, cutting the budget ''is simply the wrong approach,'' Mr. Roe said.";
        Assert.Equal(["Roe | said | Whatever the motive, cutting the budget ''is simply the wrong approach"], Lines(text));
    }

    [Fact]
    public void A_quote_that_ends_its_sentence_is_not_borrowed_by_the_next_sentence()
    {
        // The second paragraph's speaker must not take the first paragraph's quotation.
        var text = "\u201CWe will win,\u201D said Jane Roe.\n\nRoe said the count would take a week.";
        Assert.Equal(
        [
            "Jane Roe | said | We will win",
            "Jane Roe | said | the count would take a week",
        ], Lines(text));
    }

    [Fact]
    public void A_quote_signed_with_a_dash_is_a_claim_by_the_signer()
    {
        var text = "Readers wrote in.\n\u201CThe debate changed my mind. I will vote early.\u201D \u2015 Jane Roe\n\u201CNothing changed for me.\u201D\u2015 Tom Reyes\n";
        Assert.Equal(
        [
            "Jane Roe | \u2015 | The debate changed my mind. I will vote early",
            "Tom Reyes | \u2015 | Nothing changed for me",
        ], Lines(text));
    }

    [Fact]
    public void A_transcript_turn_is_a_claim_by_the_labelled_speaker()
    {
        var text = "ROE: Well, we simply do not have the votes yet.\nDOE: We will have them by Friday.\n";
        Assert.Equal(
        [
            "ROE | : | Well, we simply do not have the votes yet",
            "DOE | : | We will have them by Friday",
        ], Lines(text));
    }

    [Fact]
    public void Acronyms_are_organisations_and_never_he_or_she()
    {
        var text = "Jane Roe met the DNC on Monday. The DNC said the rules would change. She said that she disagreed.";
        var (claims, _) = Run(text);
        Assert.Equal(
        [
            "DNC | said | the rules would change",
            "Jane Roe | said | she disagreed",
        ], claims.Select(ClaimFormatter.Format));
    }
}
