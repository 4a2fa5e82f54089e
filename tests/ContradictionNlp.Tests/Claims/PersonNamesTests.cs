using ContradictionNlp.Claims;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Claims;

/// <summary>
/// Round 29: "he"/"she" never stand for a name that nothing in the article marks as a person and that the shipped
/// recogniser (models/tagger + models/ner) does not tag as one. Texts are ours.
/// </summary>
public class PersonNamesTests
{
    private static readonly Lazy<PersonNames> Shipped = new(() =>
    {
        var tagger = TaggerModel.Load(TestPaths.Repo("models", "tagger"));
        return new PersonNames(tagger, NerModel.Load(TestPaths.Repo("models", "ner"), tagger));
    });

    private static string SpeakerOf(string text, string contentStart, PersonNames? names)
    {
        var article = Article.Create("t", null, null, null, text, "t.txt");
        var claims = new ClaimExtractor(names: names).Extract(article, new TextAnalyzer().Analyze(text), new DiagnosticBag());
        return Assert.Single(claims, c => c.ContentText.StartsWith(contentStart, StringComparison.Ordinal)).Speaker.Name;
    }

    [Theory]
    // A company and a club named inside and at the start of sentences (bbc-news has both): before, the "he" was the name.
    [InlineData("Analysts expect Microsoft to cut its prices. Microsoft had sent test kits to developers, but he said the company was still waiting for a date.",
        "the company", "Microsoft")]
    [InlineData("Fans blamed Arsenal for the trouble. Arsenal had asked for more stewards, but he said the police were told too late.",
        "the police", "Arsenal")]
    public void A_name_the_recogniser_never_tags_as_a_person_is_no_he(string text, string content, string before)
    {
        Assert.Equal(before, SpeakerOf(text, content, null));
        Assert.Equal("", SpeakerOf(text, content, Shipped.Value));
    }

    [Theory]
    // The person named before the company is found instead: the company is passed over, not the pronoun given up.
    [InlineData("Analysts expect Microsoft to cut its prices. Rory Armes, who runs a games studio, said developers were ready. Microsoft had sent test kits to developers, but he said the company was still waiting for a date.",
        "the company", "Rory Armes")]
    // People keep their pronouns: the recogniser tags the name as a person ...
    [InlineData("Reporters asked Federer about the final. Federer had won every set, but he said the wind was hard to play in.",
        "the wind", "Federer")]
    // ... or a title marks the name as one, and the recogniser is not asked.
    [InlineData("Fans cheered Coach Umaga at the airport. Coach Umaga had picked his team, but he said the squad was not yet fit.",
        "the squad", "Umaga")]
    public void People_keep_their_pronouns(string text, string content, string speaker)
    {
        Assert.Equal(speaker, SpeakerOf(text, content, Shipped.Value));
    }

    [Theory]
    // A company that opened the sentence before: "It" is the company (before: no speaker).
    [InlineData("Analysts expected Umbro to report higher sales. Umbro, which lost its deal with Chelsea, said on Thursday it had signed a new deal with Rangers. It hopes that sales will rise in 2005.",
        "sales will", "Umbro")]
    [InlineData("Barclays cautioned that growth may be slower this year. It added that its bid for Absa would go ahead.",
        "its bid", "Barclays")]
    public void It_is_the_organisation_that_opened_the_sentence_before(string text, string content, string speaker)
    {
        Assert.Equal("", SpeakerOf(text, content, null));
        Assert.Equal(speaker, SpeakerOf(text, content, Shipped.Value));
    }

    [Theory]
    // Companies named inside a sentence, in a list, are not its subject: "It" stays unresolved (Microsoft spoke).
    [InlineData("Before now Microsoft has left the market to firms such as Symantec, McAfee and Trend Micro. It said that its own program would be free.",
        "its own")]
    // "They" is not given an organisation (a plural-looking name such as "Barclays" is, by an older rule).
    [InlineData("Heineken cautioned that growth may be slower this year. They added that the bid for Absa would go ahead.",
        "the bid")]
    public void No_organisation_for_it_named_inside_a_sentence_or_for_they(string text, string content)
    {
        Assert.Equal("", SpeakerOf(text, content, Shipped.Value));
    }

    [Fact]
    public void A_name_never_found_as_written_may_be_a_person()
    {
        var text = "The minister spoke on Monday.";
        var names = Shipped.Value.For(new TextAnalyzer().Analyze(text));
        Assert.True(names.MayBePerson("Kowalczyk"));
        Assert.False(names.IsOrganisation("Kowalczyk"));
    }
}
