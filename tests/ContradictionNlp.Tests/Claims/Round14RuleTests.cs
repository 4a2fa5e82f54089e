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
