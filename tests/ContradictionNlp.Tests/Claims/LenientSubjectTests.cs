using static ContradictionNlp.Tests.Claims.ClaimTestKit;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Rule <c>lenient_subject</c> (round 5): a speech cue whose subject is a plain noun phrase opening its
/// clause but holds no name, pronoun or listed source noun ("The NFL legend said", "Most of them said")
/// still has that phrase as its speaker. Texts are ours; "?" marks an unresolved (descriptive) speaker.
/// </summary>
public class LenientSubjectTests
{
    [Theory]
    [InlineData("The football legend said people misunderstand the mayor.",
        "?The football legend | said | people misunderstand the mayor")]
    [InlineData("Another commenter said, \u201CWe all know how she feels about the harbor.\u201D",
        "?Another commenter | said | We all know how she feels about the harbor")]
    [InlineData("Most of them said they had loved working at the plant.",
        "?Most of them | said | they had loved working at the plant")]
    [InlineData("The county water engineer said the dam would hold through spring.",
        "?The county water engineer | said | the dam would hold through spring")]
    // After "and": the phrase opens the second clause, so both claims keep their own speaker.
    [InlineData("The plan failed, and one longtime volunteer said the town deserved better.",
        "?one longtime volunteer | said | the town deserved better")]
    public void A_plain_noun_phrase_opening_the_clause_speaks(string text, string expected) =>
        Assert.Equal([expected], Lines(text));

    [Theory]
    // The words before the cue are a verb's object or an infinitive, not a subject.
    [InlineData("Her decision to resign said little about the party.")]
    // A participle opening the sentence is no speaker, and "known" before a noun is an adjective.
    [InlineData("Contradicting known facts, the harbor was closed on Monday.")]
    // A belief verb with an unknown subject stays as before: the lenient subject is for speech cues only.
    [InlineData("The football legend believes people misunderstand the mayor.")]
    // A verb form right before the cue ends a relative clause, it heads no noun phrase.
    [InlineData("The bill the council passed said the tax would end.")]
    public void Not_a_lenient_subject(string text) => Assert.Empty(Run(text).Claims);

    [Fact]
    public void A_participle_opening_the_sentence_never_becomes_the_speaker()
    {
        // The named subject after the comma is the speaker; "Contradicting" must not appear as one.
        var lines = Lines("Contradicting known facts, Aino Virtanen asserted that exports grew every year.");
        Assert.Equal(["Aino Virtanen | asserted | exports grew every year"], lines);
    }
}
