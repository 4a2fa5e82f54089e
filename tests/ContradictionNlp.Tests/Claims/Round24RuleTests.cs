using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 24 (issue 3): indefinite and negative pronouns are no speakers (<c>MentionLexicon.CapitalisedFunctionWords</c>).
/// "Nobody should doubt that X, he argued" used to give a Belief claim by a speaker named "Nobody", and "he" then
/// resolved to that "Nobody" (the nearest name before it). Texts are ours.
/// </summary>
public class Round24RuleTests
{
    [Theory]
    [InlineData("Nobody")]
    [InlineData("Everybody")]
    [InlineData("Anybody")]
    [InlineData("Anyone")]
    [InlineData("Everyone")]
    [InlineData("Someone")]
    [InlineData("Somebody")]
    public void An_indefinite_pronoun_before_a_cue_is_no_speaker(string pronoun)
    {
        Assert.Empty(Lines($"{pronoun} believes that the harbor plan is fair."));
    }

    [Fact]
    public void A_pronoun_speaker_after_such_a_sentence_resolves_to_the_person_named_before_it()
    {
        const string text = "Home Secretary Maria Ortiz said the police backed her measures. "
                          + "Nobody should doubt that smugglers wanted to use the harbor, she argued.";
        Assert.Equal(["Maria Ortiz | said | the police backed her measures",
                      "Maria Ortiz | argued | Nobody should doubt that smugglers wanted to use the harbor"], Lines(text));
    }

    [Theory]
    // Sport positions are roles, stripped from the name as "Senator" is.
    [InlineData("Striker Tom Reyes said the team was ready.", "Tom Reyes | said | the team was ready")]
    [InlineData("Goalkeeper Ana Ruiz said the team was ready.", "Ana Ruiz | said | the team was ready")]
    // A surname that is no role word stays whole.
    [InlineData("Simon Champion said the team was ready.", "Simon Champion | said | the team was ready")]
    public void A_sport_position_is_a_role_not_part_of_the_name(string text, string expected)
    {
        Assert.Equal([expected], Lines(text));
    }

    [Theory]
    // Negative cases: an unnamed group and real names that begin like those pronouns stay speakers.
    [InlineData("Others said the harbor plan is fair.", "Others | said | the harbor plan is fair")]
    [InlineData("Noble Okafor said the harbor plan is fair.", "Noble Okafor | said | the harbor plan is fair")]
    [InlineData("Anya Berg said the harbor plan is fair.", "Anya Berg | said | the harbor plan is fair")]
    public void Names_and_groups_stay_speakers(string text, string expected)
    {
        Assert.Equal([expected], Lines(text));
    }
}
