using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>Each bug the fuzzer found, pinned by the smallest input that showed it.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Jsonl_text_with_a_lone_surrogate_escape_is_skipped_with_an_error_not_a_crash()
    {
        var diagnostics = new DiagnosticBag();
        var articles = new JsonLinesArticleReader().ReadText("{\"text\": \"a \\ud800 b\"}\n{\"text\": \"Fine text.\"}", "x.jsonl", diagnostics).ToList();
        Assert.Equal("Fine text.", Assert.Single(articles).Text);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal((1, "text"), (d.Line!.Value, d.Field!));
        Assert.Equal("invalid \\u escape: a lone UTF-16 surrogate (\\ud800-\\udfff without its pair) is not text; line skipped", d.Message);
    }

    [Fact]
    public void Jsonl_optional_field_with_a_lone_surrogate_escape_is_ignored_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        var article = Assert.Single(new JsonLinesArticleReader().ReadText("{\"title\": \"\\udfff\", \"text\": \"Body.\"}", "x.jsonl", diagnostics));
        Assert.Equal("Body.", article.Title); // fallback title from the body
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "title"), (d.Severity, d.Field!));
    }

    [Fact]
    public void Article_over_max_length_is_skipped_with_an_error_and_the_next_one_kept()
    {
        var options = new IngestionOptions { MaxArticleChars = 10 };
        var diagnostics = new DiagnosticBag();
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"text\": \"Eleven char\"}\n{\"text\": \"Ten chars.\"}\n");
        var articles = new JsonLinesArticleReader(options).Read(new MemoryStream(bytes), "x.jsonl", diagnostics).ToList();
        Assert.Equal("Ten chars.", Assert.Single(articles).Text);
        Assert.Equal("x.jsonl:1 (text): error: article text is 11 characters, over the 10-character limit (IngestionOptions.MaxArticleChars); " +
                     "skipped, not truncated: expected one news article, split the file or raise the limit", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Article_length_limit_applies_to_stdin_too()
    {
        var diagnostics = new DiagnosticBag();
        var articles = new ArticleLoader(new IngestionOptions { MaxArticleChars = 5 })
            .Load(["-"], diagnostics, () => new MemoryStream("Too long here."u8.ToArray())).ToList();
        Assert.Empty(articles);
        Assert.Contains(diagnostics, d => d.IsSkip && d.Message.StartsWith("article text is 14 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<div><div><div>x</div></div></div>", 2, true)]
    [InlineData("<div><div>x</div></div><div><div>y</div></div>", 2, false)] // siblings do not add up
    [InlineData("<div><br><img src=a><p>a<p>b<p>c<li>d</div>", 1, false)]  // void and end-tag-optional elements do not deepen
    [InlineData("<div><span/><span/><span/></div>", 1, false)]             // self-closed
    [InlineData("<script>'<div><div><div>'</script><!-- <div><div> --><div>x</div>", 1, false)] // script and comments are not markup
    public void Html_nesting_estimate(string html, int max, bool over) =>
        Assert.Equal(over, HtmlArticleReader.NestingDepthOver(html, max));

    /// <summary>Found by the concurrency test: two runs creating the same new store both ran migration 1 ("table articles already exists").</summary>
    [Fact]
    public async Task Many_openers_of_one_new_store_all_succeed()
    {
        using var dir = new Store.TempDir();
        var db = dir.File("new.db");
        using var start = new Barrier(6);
        var opens = Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            using var store = ContradictionNlp.Store.ClaimStore.Open(db);
            return store.SchemaVersion;
        }, TaskCreationOptions.LongRunning)).ToArray();
        var versions = await Task.WhenAll(opens).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(versions, v => Assert.Equal(ContradictionNlp.Store.StoreSchema.LatestVersion, v));
    }

    /// <summary>
    /// Found by the kill test: a run resumed after a kill resolved "Office" to a new speaker where
    /// one clean run had resolved it to the Cabinet Office, because a reloaded index knew only
    /// speakers' names, not the other names they had been resolved from (stored as aliases).
    /// </summary>
    [Fact]
    public void A_reloaded_speaker_index_resolves_like_the_live_one()
    {
        static ContradictionNlp.Claims.SpeakerMention Name(string n) =>
            new(new TextSpan(0, n.Length), n, ContradictionNlp.Claims.MentionKind.Name, n, []);
        var live = new ContradictionNlp.Speakers.SpeakerIndex([]);
        Assert.Equal("jane-smith", live.Resolve(Name("Jane Smith"))!.Id);
        Assert.Equal("jane-smith", live.Resolve(Name("Smith"))!.Id);      // the one known Smith
        Assert.Equal("john-smith", live.Resolve(Name("John Smith"))!.Id);  // a second Smith
        var reloaded = new ContradictionNlp.Speakers.SpeakerIndex(live.All);
        Assert.Equal("jane-smith", live.Resolve(Name("Smith"))!.Id);       // "smith" was learned for Jane
        Assert.Equal("jane-smith", reloaded.Resolve(Name("Smith"))!.Id);   // and survives a reload
    }
}
