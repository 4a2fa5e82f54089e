using System.Text;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

public class ArticleLoaderTests
{
    private static (List<Article> Articles, List<string> Diagnostics) Load(IEnumerable<string> paths, Func<Stream>? stdin = null, IngestionOptions? options = null)
    {
        var bag = new DiagnosticBag();
        var articles = new ArticleLoader(options).Load(paths, bag, stdin).ToList();
        return (articles, bag.Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void Folder_is_walked_recursively_in_ordinal_path_order_reading_only_known_extensions()
    {
        using var dir = new TempFolder();
        dir.Write("b.txt", "Bee story\n\nThe beekeeper said honey is up.\n");
        dir.Write("A.md", "# Ant story\n\nThe ant expert said colonies grew.\n");
        dir.Write("sub/c.html", "<p>The crow watcher said numbers fell.</p>");
        dir.Write("sub/d.jsonl", """{"text":"The deer count rose, rangers said."}""" + "\n" + """{"text":"Elk stayed away, rangers said."}""");
        dir.Write("notes.pdf", "not read");
        dir.Write("README", "not read either");
        dir.Write(".hidden.txt", "Hidden files are skipped.");

        var (articles, diagnostics) = Load([dir.Path]);
        Assert.Empty(diagnostics);
        // Ordinal order: upper case before lower case, "sub/..." after "b.txt".
        Assert.Equal(
            ["The ant expert said colonies grew.", "The beekeeper said honey is up.", "The crow watcher said numbers fell.", "The deer count rose, rangers said.", "Elk stayed away, rangers said."],
            articles.Select(a => a.Text));
        Assert.Equal(Path.Combine(dir.Path, "sub", "d.jsonl") + ":2", articles[4].Origin);
    }

    [Fact]
    public void Folder_walk_skips_the_folders_own_documentation_but_an_explicitly_named_readme_is_read()
    {
        using var dir = new TempFolder();
        dir.Write("story.txt", "Story\n\nThe mayor said the bridge is open.\n");
        dir.Write("README.md", "# About these files\n\nThe editor said these are samples.\n");
        dir.Write("sub/SOURCE.md", "# Source\n\nThe archivist said this came from a feed.\n");

        var (walked, _) = Load([dir.Path]);
        Assert.Equal(["The mayor said the bridge is open."], walked.Select(a => a.Text));

        var (named, _) = Load([Path.Combine(dir.Path, "README.md")]);
        Assert.Equal(["The editor said these are samples."], named.Select(a => a.Text));
    }

    [Fact]
    public void Missing_path_and_explicit_unknown_file_are_errors_and_the_run_goes_on()
    {
        using var dir = new TempFolder();
        var pdf = dir.Write("notes.pdf", "x");
        var good = dir.Write("good.txt", "The mayor said yes.");
        var missing = Path.Combine(dir.Path, "nope.txt");

        var (articles, diagnostics) = Load([missing, pdf, good]);
        Assert.Equal("The mayor said yes.", Assert.Single(articles).Text);
        Assert.Equal(
            [
                $"{missing}: error: no such file or folder",
                $"{pdf}: error: unsupported file type '.pdf': expected one of .txt, .text, .md, .markdown, .html, .htm, .xhtml, .jsonl, .ndjson",
            ], diagnostics);
    }

    [Fact]
    public void Bad_files_each_get_one_diagnostic_and_good_ones_are_still_read()
    {
        using var dir = new TempFolder();
        dir.WriteBytes("1-empty.txt", []);
        dir.WriteBytes("2-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        dir.WriteBytes("3-latin1.txt", [.. "The caf"u8.ToArray(), 0xE9, .. " owner said rent doubled."u8.ToArray()]);
        dir.WriteBytes("4-utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("The baker said flour is scarce.")]);
        dir.Write("5-nobody.html", "<html><head><title>x</title></head></html>");
        dir.Write("6-feed.jsonl", """{"text":"The miller said the wheel turns."}""" + "\n" + """{"text":"cut of""");

        var (articles, diagnostics) = Load([dir.Path]);
        Assert.Equal(["The caf\u00e9 owner said rent doubled.", "The baker said flour is scarce.", "The miller said the wheel turns."], articles.Select(a => a.Text));
        string P(string name) => Path.Combine(dir.Path, name);
        Assert.Equal(
            [
                $"{P("1-empty.txt")}: error: empty file (0 bytes): expected article text",
                $"{P("2-binary.txt")}: error: binary file (NUL byte at offset 8): expected UTF-8 text",
                $"{P("3-latin1.txt")}: info: not valid UTF-8 (first invalid byte at offset 7); decoded as Latin-1",
                $"{P("4-utf16.txt")}: info: decoded as UTF-16 LE (byte order mark found)",
                $"{P("5-nobody.html")}: error: no article text: expected <p> paragraphs or text inside <body>",
                $"{P("6-feed.jsonl")}:2: error: truncated JSON (the line ends inside the object): expected one complete JSON object per line",
            ], diagnostics);
    }

    [Fact]
    public void Folder_without_article_files_is_a_warning()
    {
        using var dir = new TempFolder();
        dir.Write("photo.jpg", "x");
        var (articles, diagnostics) = Load([dir.Path]);
        Assert.Empty(articles);
        Assert.Equal($"{dir.Path}: warning: no article files in this folder: expected files ending in .txt, .text, .md, .markdown, .html, .htm, .xhtml, .jsonl, .ndjson",
            Assert.Single(diagnostics));
    }

    [Fact]
    public void File_over_the_size_limit_is_skipped_with_its_size_in_the_message()
    {
        using var dir = new TempFolder();
        var big = dir.Write("big.txt", new string('a', 30) + ".");
        var (articles, diagnostics) = Load([big], options: new IngestionOptions { MaxFileBytes = 30 });
        Assert.Empty(articles);
        Assert.Equal($"{big}: error: file is 31 bytes, over the 30-byte limit (IngestionOptions.MaxFileBytes): expected a single article or JSONL collection; raise the limit to read it",
            Assert.Single(diagnostics));
    }

    [Fact]
    public void Same_text_read_twice_is_yielded_once_with_an_info()
    {
        using var dir = new TempFolder();
        var a = dir.Write("a.txt", "First headline\n\nThe mayor said yes.\n");
        var b = dir.Write("b.md", "# A different headline\r\n\r\nThe mayor said yes.\r\n");
        var (articles, diagnostics) = Load([a, b, a]);
        var only = Assert.Single(articles);
        Assert.Equal("First headline", only.Title);
        Assert.Equal(
            [
                $"{b}: info: duplicate of the article first read from {a} (same text, id {only.Id}); skipped",
                $"{a}: info: duplicate of the article first read from {a} (same text, id {only.Id}); skipped",
            ], diagnostics);
    }

    [Theory]
    [InlineData("""  {"text":"The mayor said yes."}""", "The mayor said yes.", "-:1")]
    [InlineData("<html><body><p>The mayor said yes.</p></body></html>", "The mayor said yes.", "-")]
    [InlineData("Vote news\n\nThe mayor said yes.\n", "The mayor said yes.", "-")]
    public void Stdin_format_is_sniffed_from_its_first_character(string input, string text, string origin)
    {
        var (articles, diagnostics) = Load(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes(input)));
        Assert.Empty(diagnostics);
        var a = Assert.Single(articles);
        Assert.Equal((text, origin), (a.Text, a.Origin));
    }

    [Fact]
    public void Empty_stdin_is_one_error_named_dash()
    {
        var (articles, diagnostics) = Load(["-"], () => new MemoryStream());
        Assert.Empty(articles);
        Assert.Equal("-: error: empty file (0 bytes): expected article text", Assert.Single(diagnostics));
    }

    [Fact]
    public void Loading_is_lazy_a_later_missing_path_is_only_reported_when_reached()
    {
        using var dir = new TempFolder();
        var good = dir.Write("good.txt", "The mayor said yes.");
        var bag = new DiagnosticBag();
        using var e = new ArticleLoader().Load([good, Path.Combine(dir.Path, "later-missing.txt")], bag).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Empty(bag);
        Assert.False(e.MoveNext());
        Assert.Single(bag);
    }
}

public class ArticleIdTests
{
    [Fact]
    public void Same_text_gives_the_same_id_whatever_the_title_or_line_endings()
    {
        var a = Article.Create("One title", null, null, null, "The mayor said yes.\nThen left.", "a.txt");
        var b = Article.Create("Another title", new DateOnly(2020, 1, 1), "Post", "Lee", "The mayor said yes.\r\nThen left.", "b.txt");
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(32, a.Id.Length);
        Assert.Equal(a.Id, Article.ComputeId("The mayor said yes.\nThen left."));
    }

    [Fact]
    public void Different_text_gives_a_different_id() =>
        Assert.NotEqual(Article.ComputeId("The mayor said yes."), Article.ComputeId("The mayor said no."));

    [Fact]
    public void Reading_the_same_file_twice_gives_the_same_id()
    {
        var reader = new PlainTextArticleReader();
        const string text = "Vote news\n\nThe mayor said yes.\n";
        Assert.Equal(Assert.Single(Read.Text(reader, text).Articles).Id, Assert.Single(Read.Text(reader, text).Articles).Id);
    }
}
