using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 14 (ATTR9, issue 3): <c>doubled_final_consonant</c>, the inflections of "slam", "brag" and "prefer"
/// that double their last consonant. Texts are ours.
/// </summary>
public class Round14LexiconTests
{
    [Theory]
    [InlineData("slammed", "slam", CueClass.Attitude)]
    [InlineData("slamming", "slam", CueClass.Attitude)]
    [InlineData("Slams", "slam", CueClass.Attitude)]
    [InlineData("bragged", "brag", CueClass.Speech)]
    [InlineData("bragging", "brag", CueClass.Speech)]
    [InlineData("preferred", "prefer", CueClass.Belief)]
    [InlineData("preferring", "prefer", CueClass.Belief)]
    // The rules that already held keep holding.
    [InlineData("planned", "plan", CueClass.Belief)]
    [InlineData("admitted", "admit", CueClass.Speech)]
    [InlineData("denied", "deny", CueClass.Speech)]
    [InlineData("hoped", "hope", CueClass.Belief)]
    public void A_doubled_final_consonant_is_a_form_of_the_verb(string word, string lemma, CueClass cls)
    {
        Assert.True(CueLexicon.IsCueVerb(word, out var l, out var c));
        Assert.Equal((lemma, cls), (l, c));
    }

    [Theory]
    // The misspellings the old rule produced are no forms, and nor are near words that are no cue verbs.
    [InlineData("slamed")]
    [InlineData("slaming")]
    [InlineData("braged")]
    [InlineData("prefered")]
    [InlineData("slammer")]
    [InlineData("preference")]
    public void Other_spellings_are_no_cue(string word) =>
        Assert.False(CueLexicon.IsCueVerb(word, out _, out _));

    [Fact]
    public void A_slammed_object_is_an_attitude_claim()
    {
        var claims = Run("Jane Roe slammed the new tax plan on Monday.").Claims;
        var c = Assert.Single(claims);
        Assert.Equal(CueClass.Attitude, c.CueClass);
        Assert.Equal("slammed", c.CueText);
        Assert.Equal("Jane Roe", c.Speaker.Name);
        Assert.StartsWith("the new tax plan", c.ContentText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bragged_clause_is_a_speech_claim() =>
        Assert.Equal(["Jane Roe | bragged | the bridge was finished early"], Lines("Jane Roe bragged that the bridge was finished early."));
}

/// <summary>
/// Round 14 (ATTR9, issue 3), rule <c>object_list</c>: a stance verb's object that is a list keeps all its items,
/// where the object used to end at its first comma. Texts are ours.
/// </summary>
public class Round14ObjectListTests
{
    [Theory]
    [InlineData("Jane Roe endorsed Tom Reyes, Ann Lee and Bo Park for the council.",
        "Jane Roe | endorsed | Tom Reyes, Ann Lee and Bo Park for the council")]
    [InlineData("Jane Roe criticized the budget, the tax plan, and the new stadium.",
        "Jane Roe | criticized | the budget, the tax plan, and the new stadium")]
    [InlineData("Jane Roe opposes higher fares, fewer buses or longer waits.",
        "Jane Roe | opposes | higher fares, fewer buses or longer waits")]
    public void A_list_of_objects_stays_whole(string text, string expected) =>
        Assert.Equal([expected], Lines(text));

    [Theory]
    // A comma followed at once by "and" joins a second clause: the object ends there.
    [InlineData("Jane Roe praised the mayor, and the council agreed with her.",
        "Jane Roe | praised | the mayor")]
    // No coordinator or second comma within reach: the comma ends the object as before.
    [InlineData("Jane Roe criticized the budget, then left the hall before the vote on Monday.",
        "Jane Roe | criticized | the budget")]
    // A semicolon before the coordinator ends the object at the comma.
    [InlineData("Jane Roe criticized the budget, again; Tom Reyes and Ann Lee did not.",
        "Jane Roe | criticized | the budget")]
    // A non-restrictive relative still ends it first (rule nonrestrictive_relative).
    [InlineData("Jane Roe criticized the budget, which Tom Reyes and Ann Lee wrote.",
        "Jane Roe | criticized | the budget")]
    public void Other_commas_still_end_the_object(string text, string expected) =>
        Assert.Equal([expected], Lines(text));
}

/// <summary>
/// Round 14 (ATTR9, issue 3), rule <c>comma_inside_quote</c>: a comma closed inside a quotation (American style,
/// <c>“...,” claiming</c>) ends a forward content before a participle or a non-restrictive relative, as a comma
/// outside the quotation already did (rules of round 7). Texts are ours.
/// </summary>
public class Round14QuotedCommaTests
{
    [Theory]
    [InlineData("Jane Roe said the plan was \u201Cgood for the port,\u201D adding that the mayor would sign it soon.",
        "Jane Roe | said | the plan was \u201Cgood for the port,\u201D")]
    [InlineData("Jane Roe said the bridge was \u201Csafe for years,\u201D which engineers in the city dispute.",
        "Jane Roe | said | the bridge was \u201Csafe for years,\u201D")]
    [InlineData("Jane Roe said the count was \u201Cfair and quick,\u201D when the board met on Monday.",
        "Jane Roe | said | the count was \u201Cfair and quick,\u201D")]
    // The same with a comma outside the quotation, as before.
    [InlineData("Jane Roe said the plan was \u201Cgood for the port\u201D, adding that the mayor would sign it soon.",
        "Jane Roe | said | the plan was \u201Cgood for the port\u201D")]
    public void The_content_ends_at_the_quoted_comma(string text, string expected) =>
        Assert.Equal(expected, Lines(text)[0]);

    [Theory]
    // "a"/"an" after a quoted comma continue a list of quoted words, not an appositive.
    [InlineData("Jane Roe said Tom Reyes is a \u201Closer,\u201D a \u201Cliar\u201D and a \u201Cwhiner.\u201D",
        "Jane Roe | said | Tom Reyes is a \u201Closer,\u201D a \u201Cliar\u201D and a \u201Cwhiner.\u201D")]
    // A quotation closed without a comma before it does not end the content.
    [InlineData("Jane Roe said the plan was \u201Cgood for the port\u201D adding jobs for the workers on the docks.",
        "Jane Roe | said | the plan was \u201Cgood for the port\u201D adding jobs for the workers on the docks")]
    // Another word after the quoted comma (not a participle or relative) keeps the clause going.
    [InlineData("Jane Roe said the plan was \u201Cgood,\u201D but the port needed more money for the new docks.",
        "Jane Roe | said | the plan was \u201Cgood,\u201D but the port needed more money for the new docks")]
    public void Other_quoted_commas_keep_the_content(string text, string expected) =>
        Assert.Equal(expected, Lines(text)[0]);
}
