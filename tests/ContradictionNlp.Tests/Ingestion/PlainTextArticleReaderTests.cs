using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

public class PlainTextArticleReaderTests
{
    private static readonly PlainTextArticleReader Reader = new();

    private static Article ReadOne(string text, out List<Diagnostic> diagnostics, string origin = "story.txt")
    {
        var (articles, d) = Read.Text(Reader, text, origin);
        diagnostics = d;
        return Assert.Single(articles);
    }

    [Fact]
    public void Export_with_title_byline_date_chrome_and_subtitle_is_split_into_metadata_and_body()
    {
        const string text =
            "Harbour town votes to keep its ferry\r\n\r\n" +
            "By Mira Tallis\r\n\r\n" +
            "March 3, 2022\r\n" +
            "Politics\r\n" +
            "Photo: Town archive\r\n" +
            "Ferry Service Saved After Late Council Vote\r\n\r\n" +
            "Share this article\r\n\r\n" +
            "The council voted 7-2 on Tuesday to fund the ferry for another year, the mayor said.\r\n\r\n" +
            "Advertisement\r\n\r\n" +
            "\"We heard the island,\" she told reporters.\r\n";
        var a = ReadOne(text, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("Harbour town votes to keep its ferry", a.Title);
        Assert.Equal("Mira Tallis", a.Author);
        Assert.Equal(new DateOnly(2022, 3, 3), a.Date);
        Assert.Null(a.Source);
        Assert.Equal("story.txt", a.Origin);
        Assert.Equal(
            "The council voted 7-2 on Tuesday to fund the ferry for another year, the mayor said.\n\n" +
            "\"We heard the island,\" she told reporters.", a.Text);
        Assert.Equal(Article.ComputeId(a.Text), a.Id);
    }

    [Fact]
    public void Date_label_at_the_start_of_the_first_line_is_metadata_and_the_rest_of_the_line_is_body()
    {
        var a = ReadOne(" date 2021-05-04 The minister said the plant would close.\n\nWorkers disagreed.\n", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(new DateOnly(2021, 5, 4), a.Date);
        Assert.Equal("The minister said the plant would close.\n\nWorkers disagreed.", a.Text);
        Assert.Equal("The minister said the plant would close.", a.Title);
    }

    [Theory]
    [InlineData("Published: 4 May 2021")]
    [InlineData("Posted on May 4, 2021 10:15 GMT")]
    [InlineData("Tuesday, May 4, 2021")]
    [InlineData("2021-05-04T09:00:00+02:00")]
    public void Date_lines_in_the_header_are_recognised_in_several_forms(string dateLine)
    {
        var a = ReadOne($"Plant to close\n{dateLine}\n\nThe minister said the plant would close.\n", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(new DateOnly(2021, 5, 4), a.Date);
        Assert.Equal("Plant to close", a.Title);
        Assert.Equal("The minister said the plant would close.", a.Text);
    }

    [Theory]
    [InlineData("Written by Ana de la Cruz", "Ana de la Cruz")]
    [InlineData("By Tom O'Neil and Sara Lind", "Tom O'Neil and Sara Lind")]
    [InlineData("By Jo K. Brand, Reuters", "Jo K. Brand, Reuters")]
    [InlineData("Author: Lee Park", "Lee Park")]
    public void Byline_forms_give_the_author(string byline, string author)
    {
        var a = ReadOne($"Plant to close\n{byline}\n\nThe minister said the plant would close.\n", out _);
        Assert.Equal(author, a.Author);
        Assert.Equal("The minister said the plant would close.", a.Text);
    }

    [Theory]
    [InlineData("By Lee Park | May 4, 2021")]
    [InlineData("4 May 2021 · By Lee Park")]
    public void Byline_and_date_on_one_line_are_both_taken(string line)
    {
        var a = ReadOne($"Plant to close\n{line}\n\nThe minister said so.\n", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(("Lee Park", new DateOnly(2021, 5, 4), "The minister said so."), (a.Author, a.Date, a.Text));
    }

    [Fact]
    public void Prose_starting_with_By_is_not_a_byline()
    {
        var a = ReadOne("Plant to close\n\nBy the end of May, the minister said, the plant would close.\n", out _);
        Assert.Null(a.Author);
        Assert.Equal("By the end of May, the minister said, the plant would close.", a.Text);
    }

    [Fact]
    public void Markdown_heading_is_the_title_and_body_markup_is_kept_verbatim()
    {
        var a = ReadOne("# Plant to close\n\n## Workers react\n\nThe minister *said* the plant would close.\n\n## Next steps\n\nTalks resume.\n", out var diagnostics, "story.md");
        Assert.Empty(diagnostics);
        Assert.Equal("Plant to close", a.Title);
        // The first subheading sits in the header zone (a deck); later ones are part of the body.
        Assert.Equal("The minister *said* the plant would close.\n\n## Next steps\n\nTalks resume.", a.Text);
    }

    [Fact]
    public void Front_matter_block_gives_metadata()
    {
        const string text = "---\ntitle: \"Plant to close\"\ndate: 2021-05-04\nauthor: Lee Park\nsource: Valley Post\n---\nThe minister said the plant would close.\n";
        var a = ReadOne(text, out var diagnostics, "story.md");
        Assert.Empty(diagnostics);
        Assert.Equal(("Plant to close", new DateOnly(2021, 5, 4), "Lee Park", "Valley Post"), (a.Title, a.Date, a.Author, a.Source));
        Assert.Equal("The minister said the plant would close.", a.Text);
    }

    [Fact]
    public void Unreadable_date_in_a_date_label_is_a_warning_with_line_and_field()
    {
        var a = ReadOne("Plant to close\nDate: 04/05/2021\n\nThe minister said the plant would close.\n", out var diagnostics);
        Assert.Null(a.Date);
        Assert.Equal("Plant to close", a.Title);
        Assert.Equal("story.txt:2 (date): warning: unrecognised date \"04/05/2021\": expected e.g. 2023-11-16, November 16, 2023 or 16 Nov 2023",
            Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Published_and_updated_dates_on_one_line_are_both_metadata_and_the_first_wins()
    {
        var a = ReadOne("Plant to close\nPublished: 4 May 2021 | Updated: 6 May 2021\n\nThe minister said so.\n", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal((new DateOnly(2021, 5, 4), "The minister said so."), (a.Date, a.Text));
    }

    [Fact]
    public void Prose_starting_with_a_date_label_word_is_not_a_bad_date()
    {
        var a = ReadOne("Posted 3 letters to the mayor, she said.\n", out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Null(a.Date);
        Assert.Equal("Posted 3 letters to the mayor, she said.", a.Text);
    }

    [Fact]
    public void File_without_a_heading_takes_its_first_sentence_as_title()
    {
        var a = ReadOne("Mr. Okafor said the plant would close. Workers disagreed.\n", out _);
        Assert.Equal("Mr. Okafor said the plant would close.", a.Title);
        Assert.Equal("Mr. Okafor said the plant would close. Workers disagreed.", a.Text);
    }

    [Fact]
    public void Long_first_sentence_is_cut_at_a_word_boundary_for_the_title()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 40)) + ".";
        var a = ReadOne(sentence + "\n", out _);
        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", 24)) + "…", a.Title); // 24 words = 119 chars, + "…" = the 120 limit
    }

    [Fact]
    public void Body_without_letters_falls_back_to_the_file_name_for_a_title()
    {
        var a = ReadOne("2,400 - 1,900 = 500.\n", out _, "data/scores-2021.txt");
        Assert.Equal("scores-2021", a.Title);
    }

    [Fact]
    public void Short_paragraph_with_a_full_stop_after_the_title_is_body_not_subtitle()
    {
        var a = ReadOne("Plant to close\n\nIt is over.\n\nThe minister said so.\n", out _);
        Assert.Equal("It is over.\n\nThe minister said so.", a.Text);
    }

    [Fact]
    public void Title_case_deck_is_dropped_but_a_long_sentence_case_lead_without_a_full_stop_is_body()
    {
        var deck = ReadOne("Plant to close\n\nValley Plant Workers Face Uncertain Future After Ministry Decision\n\nThe minister said so.\n", out _);
        Assert.Equal("The minister said so.", deck.Text);

        // A lead paragraph that lost its full stop: a sentence, with an attribution worth keeping.
        var lead = ReadOne("Plant to close\n\nThe valley plant will close next spring after forty years, the ministry has said\n\nThe minister said so.\n", out _);
        Assert.Equal("The valley plant will close next spring after forty years, the ministry has said\n\nThe minister said so.", lead.Text);
    }

    [Fact]
    public void Headline_ending_in_an_ellipsis_is_still_a_title()
    {
        var a = ReadOne("Rivals of the cheap laptop...\n\nThe laptop is cheap.\n", out _);
        Assert.Equal(("Rivals of the cheap laptop...", "The laptop is cheap."), (a.Title, a.Text));
    }

    [Fact]
    public void Only_two_subtitle_lines_are_dropped_before_the_body_starts()
    {
        var a = ReadOne("Plant to close\nDeck one\nDeck two\nNot a deck\nThe minister said so.\n", out _);
        Assert.Equal("Not a deck\nThe minister said so.", a.Text);
    }

    [Fact]
    public void Inner_text_keeps_its_quotes_and_spacing_verbatim()
    {
        const string body = "\u201cWe  will\u201d \u2014 she said \u2018never\u2019.\n  Indented line stays.";
        var a = ReadOne("Plant to close\n\n" + body + "\n", out _);
        Assert.Equal(body, a.Text);
    }

    [Fact]
    public void Title_and_metadata_without_a_body_is_one_error()
    {
        var (articles, diagnostics) = Read.Text(Reader, "Plant to close\n2021-05-04\nBy Lee Park\n", "story.txt");
        Assert.Empty(articles);
        Assert.Equal("story.txt: error: no article text after the title and metadata lines: expected at least one paragraph of prose",
            Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData("story.txt", true)]
    [InlineData("STORY.MD", true)]
    [InlineData("story.markdown", true)]
    [InlineData("story.html", false)]
    [InlineData("story", false)]
    public void Handles_text_and_markdown_extensions(string path, bool expected) => Assert.Equal(expected, Reader.CanRead(path));

    [Theory]
    [InlineData("Photo: Town archive", "photo-credit")]
    [InlineData("Image credit: Lee Park", "photo-credit")]
    [InlineData("Trending Now", "page-chrome")]
    [InlineData("ADVERTISEMENT", "page-chrome")]
    [InlineData("Share this article", "page-chrome")]
    [InlineData("Read also: Ferry saved again", "cross-link")]
    [InlineData("The photo: a ferry at dusk, taken in May.", null)]
    [InlineData("Share prices fell.", null)]
    [InlineData("Trending topics dominated the debate.", null)]
    public void Boilerplate_rules_name_the_rule_that_matched(string line, string? rule) =>
        Assert.Equal(rule, TextLineRules.MatchBoilerplate(line)?.Name);

    [Fact]
    public void Every_rule_says_why_it_exists()
    {
        LineRule[] all = [.. TextLineRules.Boilerplate, TextLineRules.SectionLabel, TextLineRules.Byline, TextLineRules.DateLabel, TextLineRules.TitleLabel, TextLineRules.MarkdownHeading];
        Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(r.Why), r.Name));
        Assert.Equal(all.Length, all.Select(r => r.Name).Distinct().Count());
    }
}
