using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

public class JsonLinesArticleReaderTests
{
    private static readonly JsonLinesArticleReader Reader = new();

    [Fact]
    public void Each_line_is_one_article_with_all_fields()
    {
        const string jsonl =
            """{"id":"vp-17","title":"Plant to close","date":"2021-05-04T08:00:00Z","source":"Valley Post","author":"Lee Park","text":"The minister said the plant would close.\r\nWorkers disagreed."}""" + "\n" +
            "\n" +
            """{"id":18,"text":"The mayor said the ferry stays."}""" + "\n";
        var (articles, diagnostics) = Read.Text(Reader, jsonl, "feed.jsonl");
        Assert.Empty(diagnostics);
        Assert.Equal(2, articles.Count);
        var a = articles[0];
        Assert.Equal(("Plant to close", new DateOnly(2021, 5, 4), "Valley Post", "Lee Park"), (a.Title, a.Date, a.Source, a.Author));
        Assert.Equal("The minister said the plant would close.\nWorkers disagreed.", a.Text);
        Assert.Equal("vp-17", a.SourceId);
        Assert.Equal("feed.jsonl:1", a.Origin);
        Assert.Equal(Article.ComputeId(a.Text), a.Id); // the content hash, not the feed's id

        var b = articles[1];
        Assert.Equal(("18", "feed.jsonl:3", "The mayor said the ferry stays."), (b.SourceId, b.Origin, b.Title));
        Assert.Null(b.Date);
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { """{"title":"x","text":"The minister said""", "feed.jsonl:2: error: truncated JSON (the line ends inside the object): expected one complete JSON object per line" },
        { """{"title":"x" "text":"y"}""", "feed.jsonl:2: error: malformed JSON at byte 14: expected one complete JSON object per line" },
        // "n" could start null; the "o" after it is the first byte that cannot be JSON.
        { "not json at all", "feed.jsonl:2: error: malformed JSON at byte 2: expected one complete JSON object per line" },
        { "[1,2]", "feed.jsonl:2: error: expected a JSON object, found an array" },
        { """{"title":"No body"}""", "feed.jsonl:2 (text): error: missing required field: expected a string with the article text" },
        { """{"text":42}""", "feed.jsonl:2 (text): error: expected a string, found a number" },
        { """{"text":"   "}""", "feed.jsonl:2 (text): error: empty article text: expected at least one sentence" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Bad_line_is_one_error_with_its_line_and_the_other_lines_go_on(string bad, string expected)
    {
        var jsonl = """{"text":"First story."}""" + "\n" + bad + "\n" + """{"text":"Third story."}""";
        var (articles, diagnostics) = Read.Text(Reader, jsonl, "feed.jsonl");
        Assert.Equal(["First story.", "Third story."], articles.Select(a => a.Text));
        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }

    public static TheoryData<string, string> OddOptionalFields => new()
    {
        { """{"title":5,"text":"It will close."}""", "f.jsonl:1 (title): warning: expected a string, found a number; field ignored" },
        { """{"author":["A","B"],"text":"It will close."}""", "f.jsonl:1 (author): warning: expected a string, found an array; field ignored" },
        { """{"id":{"k":1},"text":"It will close."}""", "f.jsonl:1 (id): warning: expected a string or number, found an object; field ignored" },
        { """{"date":"soon","text":"It will close."}""", "f.jsonl:1 (date): warning: unrecognised date \"soon\": expected e.g. 2023-11-16, November 16, 2023 or 16 Nov 2023" },
    };

    [Theory]
    [MemberData(nameof(OddOptionalFields))]
    public void Wrong_optional_field_is_a_warning_and_the_article_is_kept(string line, string expected)
    {
        var (articles, diagnostics) = Read.Text(Reader, line, "f.jsonl");
        var a = Assert.Single(articles);
        Assert.Equal("It will close.", a.Text);
        Assert.Equal("It will close.", a.Title);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(expected, d.ToString());
    }

    [Fact]
    public void Null_optional_fields_are_simply_absent()
    {
        var (articles, diagnostics) = Read.Text(Reader, """{"id":null,"title":null,"date":null,"text":"It will close."}""");
        Assert.Empty(diagnostics);
        Assert.Null(Assert.Single(articles).SourceId);
    }
}
