using ContradictionNlp.Claims;
using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 17 (ATTR11, issue 3), rule <c>train_count_cues</c>: stance and belief verbs that PolNeAR TRAIN marks as
/// cues at least half the time they appear (`eval attribution --cue-stats`) and whose added claims matched gold
/// on train at a precision that raises content F1 (docs/claims-history.md, "Claims: attribution quality (issue 3, round 17,
/// ATTR11)"). Stance verbs take their object as content; "rail" and "balk" only with their particle
/// (as "talk about"); belief verbs their clause or object. The same words as nouns give no claim. Texts are ours.
/// </summary>
public class Round17LexiconTests
{
    [Theory]
    [InlineData("bemoaned", "bemoan", CueClass.Attitude)]
    [InlineData("referenced", "reference", CueClass.Attitude)]
    [InlineData("invoking", "invoke", CueClass.Attitude)]
    [InlineData("thanked", "thank", CueClass.Attitude)]
    [InlineData("ordered", "order", CueClass.Attitude)]
    [InlineData("recommends", "recommend", CueClass.Attitude)]
    [InlineData("encouraged", "encourage", CueClass.Attitude)]
    [InlineData("discussed", "discuss", CueClass.Attitude)]
    [InlineData("challenged", "challenge", CueClass.Attitude)]
    [InlineData("threatening", "threaten", CueClass.Attitude)]
    [InlineData("railed", "rail", CueClass.Attitude)]
    [InlineData("offered", "offer", CueClass.Attitude)]
    [InlineData("pressed", "press", CueClass.Attitude)]
    [InlineData("approved", "approve", CueClass.Attitude)]
    [InlineData("posted", "post", CueClass.Attitude)]
    [InlineData("quoted", "quote", CueClass.Attitude)]
    [InlineData("convinced", "convince", CueClass.Belief)]
    [InlineData("ruled", "rule", CueClass.Speech)]
    [InlineData("balked", "balk", CueClass.Attitude)]
    [InlineData("considers", "consider", CueClass.Belief)]
    [InlineData("deemed", "deem", CueClass.Belief)]
    [InlineData("remembered", "remember", CueClass.Belief)]
    public void A_train_count_cue_is_a_form_of_its_verb(string word, string lemma, CueClass cls)
    {
        Assert.True(CueLexicon.IsCueVerb(word, out var l, out var c));
        Assert.Equal((lemma, cls), (l, c));
    }

    [Theory]
    // Nouns and near words of the added verbs stay no cue verbs.
    [InlineData("reminder")]
    [InlineData("consideration")]
    [InlineData("discussion")]
    [InlineData("railway")]
    [InlineData("orderly")]
    // Tried and left out (their claims matched train gold too rarely): "side with", "promote", "request", "attribute", "push".
    [InlineData("sided")]
    [InlineData("promoted")]
    [InlineData("requested")]
    [InlineData("attributed")]
    [InlineData("pushed")]
    // Measured to help but kept out on purpose (a refusal asserts nothing): "declined", "refused".
    [InlineData("declined")]
    // The noun forms of "rule" (AmbiguousForms).
    [InlineData("rules")]
    [InlineData("ruling")]
    [InlineData("refused")]
    public void Near_words_are_no_cue(string word) =>
        Assert.False(CueLexicon.IsCueVerb(word, out _, out _));

    [Theory]
    [InlineData("Jane Roe railed against the new tax plan on Monday.", "Jane Roe | railed against | the new tax plan on Monday")]
    [InlineData("Jane Roe pressed the mayor for answers about the budget.", "Jane Roe | pressed | the mayor for answers about the budget")]
    [InlineData("Jane Roe balked at the cost of the new stadium.", "Jane Roe | balked at | the cost of the new stadium")]
    [InlineData("Jane Roe thanked the volunteers for their work.", "Jane Roe | thanked | the volunteers for their work")]
    [InlineData("Jane Roe ordered an inquiry into the crash.", "Jane Roe | ordered | an inquiry into the crash")]
    [InlineData("Jane Roe posted a video of the rally on Facebook.", "Jane Roe | posted | a video of the rally on Facebook")]
    [InlineData("Judge Jane Roe ruled that the law was unconstitutional.", "Jane Roe | ruled | the law was unconstitutional")]
    [InlineData("Jane Roe considers the plan a serious mistake.", "Jane Roe | considers | the plan a serious mistake")]
    [InlineData("Jane Roe remembered that the bridge was closed for a week.", "Jane Roe | remembered | the bridge was closed for a week")]
    public void An_added_cue_gives_a_claim(string text, string expected) =>
        Assert.Equal([expected], Lines(text));

    [Theory]
    // The particle-only verbs as nouns, and "order" in "in order to": no claim.
    [InlineData("The train left the rail near the station.")]
    [InlineData("The side with more votes won the contest.")]
    [InlineData("Jane Roe sided with the governor on the budget.")]
    [InlineData("The offer expired on Friday after a long wait.")]
    [InlineData("The press gathered outside the courthouse on Monday.")]
    [InlineData("The push for reform stalled in the summer.")]
    [InlineData("The new rules take effect on Monday.")]
    [InlineData("The posts were removed on Tuesday.")]
    [InlineData("The party moved early in order to win the seat.")]
    [InlineData("Jane Roe railed for an hour.")]
    public void The_same_words_elsewhere_give_no_claim(string text) =>
        Assert.Empty(Run(text).Claims);

    [Fact]
    public void A_non_speech_class_is_kept_on_the_claim()
    {
        var c = Assert.Single(Run("Jane Roe thanked the volunteers for their work.").Claims);
        Assert.Equal(CueClass.Attitude, c.CueClass);
        c = Assert.Single(Run("Jane Roe remembered that the bridge was closed for a week.").Claims);
        Assert.Equal(CueClass.Belief, c.CueClass);
    }
}

/// <summary>
/// "Far" opening a sentence ("Far too many ...", "Far from ...") is an adverb, not a name: as a speaker it made a
/// bbc-news false alarm ("Far | encouraging | people to drink it ..."). It is one of the capitalised function words
/// now (round 17, lead). Texts are ours.
/// </summary>
public class FarIsNoNameTests
{
    [Fact]
    public void A_sentence_opening_with_far_gives_no_speaker_far() =>
        Assert.DoesNotContain(Lines("Far too many shops are selling sweets cheaply and encouraging children to eat them quickly."),
            line => line.StartsWith("Far |", StringComparison.Ordinal));

    [Fact]
    public void A_named_speaker_after_it_still_speaks() =>
        Assert.Equal(["Jane Roe | said | the shops sell too many sweets"], Lines("Far from the city, Jane Roe said the shops sell too many sweets."));
}
