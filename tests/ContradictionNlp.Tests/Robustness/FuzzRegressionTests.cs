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
}
