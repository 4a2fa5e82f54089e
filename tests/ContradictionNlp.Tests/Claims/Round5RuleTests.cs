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

/// <summary>Round 5 boundary rules: <c>parenthetical_predicate</c> and <c>quote_paragraph_continues</c> (texts are ours).</summary>
public class Round5BoundaryTests
{
    [Fact]
    public void An_attribution_between_subject_and_predicate_leaves_both_parts_in_the_content()
    {
        var (claims, _) = Run("The city's new tax on trucks, she said, could be repealed next year.");
        var c = Assert.Single(claims);
        Assert.Equal("she", c.Speaker.Text);
        Assert.Equal("The city's new tax on trucks \u2026 could be repealed next year", c.ContentText);
    }

    [Fact]
    public void An_attribution_followed_by_an_adjunct_keeps_the_lead_as_the_content()
    {
        // "as" opens the reporter's adjunct, not the rest of the clause.
        var (claims, _) = Run("The city's new tax on trucks is a mistake, she said, as the council met.");
        var c = Assert.Single(claims);
        Assert.Equal("The city's new tax on trucks is a mistake", c.ContentText);
    }

    [Fact]
    public void A_paragraph_that_is_only_a_quotation_continues_the_previous_quote()
    {
        var (claims, _) = Run("\u201CThe bridge is safe,\u201D Ana Silva said.\n\n\u201CWe checked every bolt twice.\u201D\n\nThe council met later.");
        var c = Assert.Single(claims);
        Assert.Equal("The bridge is safe \u2026 We checked every bolt twice", c.ContentText);
    }

    [Theory]
    // The next paragraph goes on after its quotation: it is the reporter's paragraph, not more of the quote.
    [InlineData("\u201CThe bridge is safe,\u201D Ana Silva said.\n\n\u201CWe checked every bolt twice,\u201D the engineer added later.",
        "The bridge is safe")]
    // The attribution sentence does not end its paragraph.
    [InlineData("\u201CThe bridge is safe,\u201D Ana Silva said. The council met later.\n\n\u201CWe checked every bolt twice.\u201D",
        "The bridge is safe")]
    public void A_quotation_paragraph_that_is_not_alone_is_not_continued(string text, string firstContent)
    {
        var (claims, _) = Run(text);
        Assert.Equal(firstContent, claims[0].ContentText);
    }
}

/// <summary>Round 5 "according to" rules: <c>according_to_long_source</c> and <c>according_to_parenthetical</c> (texts are ours).</summary>
public class Round5AccordingToTests
{
    [Theory]
    // A source with punctuation or more than 14 words still ends at its comma.
    [InlineData("According to a new Harbor College/City Tribune survey out Thursday, the two candidates are tied.",
        "?a new Harbor College/City Tribune survey out Thursday | According to | the two candidates are tied")]
    [InlineData("According to her \"harbor first\" plan, every ferry would run twice an hour.",
        "?her \"harbor first\" plan | According to | every ferry would run twice an hour")]
    // A conjunction and its comma may come first.
    [InlineData("But, according to the survey, most voters remain undecided.",
        "?the survey | according to | most voters remain undecided")]
    public void A_clause_opening_according_to_takes_everything_up_to_its_comma(string text, string expected) =>
        Assert.Equal([expected], Lines(text));

    [Fact]
    public void According_to_inside_a_clause_leaves_both_parts_in_the_content()
    {
        var (claims, _) = Run("But the next day, according to Ana Silva, the mayor made further demands.");
        var c = Assert.Single(claims);
        Assert.Equal("Ana Silva", c.Speaker.Name);
        Assert.Equal("But the next day \u2026 the mayor made further demands", c.ContentText);
    }

    [Theory]
    // A cue verb before any comma: not a long source but a clause of its own ("according to Ana Silva, who said").
    [InlineData("According to officials who said the bridge was safe the council voted.")]
    // Nothing after the source.
    [InlineData("According to the survey,")]
    public void Not_an_according_to_claim(string text) =>
        Assert.DoesNotContain(Run(text).Claims, c => c.Kind == ContradictionNlp.Claims.ClaimKind.AccordingTo);

    [Fact]
    public void According_to_after_a_complete_clause_keeps_the_clause_as_the_content()
    {
        // What follows the source's comma is an adjunct ("as ..."), so the content is the clause before it.
        var (claims, _) = Run("Twelve clinics closed last year, according to Ana Silva, as the budget shrank.");
        var c = Assert.Single(claims);
        Assert.Equal("Twelve clinics closed last year", c.ContentText);
    }
}

/// <summary>Round 5 rule <c>inverted_after_quote</c>: after a quotation, "said X" takes any short noun phrase as X (texts are ours).</summary>
public class Round5InvertedTests
{
    [Theory]
    [InlineData("\u201CThe ferry will run all winter,\u201D wrote one commenter.",
        "?one commenter | wrote | The ferry will run all winter")]
    [InlineData("\"The ferry will run all winter,\" said harbor pilot Ana Silva during the hearing.",
        "Ana Silva | said | The ferry will run all winter")]
    [InlineData("\"The ferry will run all winter,\" said one harbor volunteer as the meeting ended.",
        "?one harbor volunteer | said | The ferry will run all winter")]
    public void An_inverted_speaker_after_a_quotation(string text, string expected) => Assert.Equal([expected], Lines(text));

    [Theory]
    // Adjectival "said" after a quotation: "to be" follows, no noun phrase.
    [InlineData("\u201CThe Ferry,\u201D said to be the town's pride, sank in March.")]
    // After the quotation, a clause rather than a noun phrase follows the cue.
    [InlineData("\u201CThe ferry will run all winter,\u201D said nothing about the bridge.")]
    public void Not_an_inverted_speaker(string text) => Assert.Empty(Run(text).Claims);
}

