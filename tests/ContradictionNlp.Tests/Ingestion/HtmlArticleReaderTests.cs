using ContradictionNlp.Ingestion;

namespace ContradictionNlp.Tests.Ingestion;

public class HtmlArticleReaderTests
{
    private static readonly HtmlArticleReader Reader = new();

    private const string Page = """
        <!DOCTYPE html>
        <html><head>
          <title>Ferry saved | Valley Post</title>
          <meta property="og:title" content="Harbour town votes to keep its ferry">
          <meta property="og:site_name" content="Valley Post">
          <meta property="article:published_time" content="2022-03-03T21:40:00-05:00">
          <meta name="author" content="Mira Tallis">
          <script>var x = "The council said nothing.";</script>
        </head><body>
          <header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>
          <article>
            <h1>Harbour town votes to keep its ferry</h1>
            <figure><img src="f.jpg"><figcaption><p>The ferry at dusk.</p></figcaption></figure>
            <p>The council voted 7-2 on Tuesday to fund the ferry
               for another year, the mayor said.</p>
            <aside><p>Read more: Bridge plans shelved</p></aside>
            <p>Advertisement</p>
            <p>&ldquo;We heard the island,&rdquo; she told reporters.</p>
            <form><p>Sign up for news</p></form>
          </article>
          <footer><p>Copyright Valley Post</p></footer>
        </body></html>
        """;

    [Fact]
    public void Article_page_gives_metadata_from_the_head_and_only_the_story_paragraphs()
    {
        var (articles, diagnostics) = Read.Text(Reader, Page, "page.html");
        Assert.Empty(diagnostics);
        var a = Assert.Single(articles);
        Assert.Equal("Harbour town votes to keep its ferry", a.Title);
        Assert.Equal("Valley Post", a.Source);
        Assert.Equal("Mira Tallis", a.Author);
        Assert.Equal(new DateOnly(2022, 3, 3), a.Date);
        Assert.Equal(
            "The council voted 7-2 on Tuesday to fund the ferry for another year, the mayor said.\n\n" +
            "\u201cWe heard the island,\u201d she told reporters.", a.Text);
    }

    [Fact]
    public void Without_head_metadata_the_title_h1_time_element_and_byline_class_are_used()
    {
        const string html = """
            <html><body>
              <h1>Plant to close</h1>
              <div class="story-byline">By Lee Park</div>
              <time datetime="2021-05-04">Tuesday</time>
              <div id="content"><p>The minister said the plant would close.</p><p>Workers disagreed.</p></div>
              <div class="sidebar"><p>Short.</p></div>
            </body></html>
            """;
        var a = Assert.Single(Read.Text(Reader, html, "p.html").Articles);
        Assert.Equal(("Plant to close", "Lee Park", new DateOnly(2021, 5, 4)), (a.Title, a.Author, a.Date));
        // No <article>/<main>: the block whose own paragraphs hold the most text wins.
        Assert.Equal("The minister said the plant would close.\n\nWorkers disagreed.", a.Text);
    }

    [Theory]
    [InlineData("""<meta name="date" content="May 4, 2021">""")]
    [InlineData("""<meta name="pubdate" content="2021-05-04">""")]
    [InlineData("""<meta name="DC.date" content="2021-05-04">""")]
    [InlineData("""<meta itemprop="datePublished" content="2021-05-04T08:00:00Z">""")]
    public void Publication_date_meta_tags_are_read(string meta)
    {
        var html = $"<html><head>{meta}</head><body><p>The minister said the plant would close.</p></body></html>";
        Assert.Equal(new DateOnly(2021, 5, 4), Assert.Single(Read.Text(Reader, html).Articles).Date);
    }

    [Fact]
    public void Main_element_is_preferred_over_denser_blocks_elsewhere()
    {
        const string html = """
            <html><body>
              <div><p>A long unrelated block of teaser text that is longer than the story itself by far.</p></div>
              <main><p>The minister said the plant would close.</p></main>
            </body></html>
            """;
        Assert.Equal("The minister said the plant would close.", Assert.Single(Read.Text(Reader, html).Articles).Text);
    }

    [Fact]
    public void Title_falls_back_to_the_title_element_then_the_first_sentence()
    {
        Assert.Equal("Plant news", Assert.Single(Read.Text(Reader, "<title> Plant\n news </title><p>It will close. Soon.</p>").Articles).Title);
        Assert.Equal("It will close.", Assert.Single(Read.Text(Reader, "<p>It will close. Soon.</p>").Articles).Title);
    }

    [Fact]
    public void Page_with_text_but_no_paragraphs_keeps_the_text_as_one_paragraph()
    {
        var a = Assert.Single(Read.Text(Reader, "<html><body><div>The minister said\n the plant would close.</div></body></html>").Articles);
        Assert.Equal("The minister said the plant would close.", a.Text);
    }

    [Fact]
    public void Line_breaks_and_adjacent_blocks_do_not_glue_words_together()
    {
        var p = Assert.Single(Read.Text(Reader, "<p>The minister said<br>the plant<br/>would close.</p>").Articles);
        Assert.Equal("The minister said the plant would close.", p.Text);

        var divs = Assert.Single(Read.Text(Reader, "<body><div>The minister spoke.</div><div>Workers <b>disagreed</b>.</div><ul><li>Share</li></ul></body>").Articles);
        Assert.Equal("The minister spoke.\n\nWorkers disagreed.", divs.Text);
    }

    [Theory]
    [InlineData("<html><head><title>Only a head</title></head></html>")]
    [InlineData("<html><body><nav><p>Home</p></nav><script>x()</script></body></html>")]
    [InlineData("<html><body>   </body></html>")]
    public void Page_without_body_text_is_one_error(string html)
    {
        var (articles, diagnostics) = Read.Text(Reader, html, "page.html");
        Assert.Empty(articles);
        Assert.Equal("page.html: error: no article text: expected <p> paragraphs or text inside <body>", Assert.Single(diagnostics).ToString());
    }
}
