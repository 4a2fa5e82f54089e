using System.Diagnostics;
using System.Text;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using Xunit.Abstractions;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// The few huge inputs named in the robustness issue, each once: they are about size, not
/// variety. Each must finish (under the fuzz per-input limit) through reading, tokenizing and
/// claim extraction, or be refused with a diagnostic.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ExtremeInputTests(ITestOutputHelper output)
{
    private DiagnosticBag ThroughEverything(string name, string fileName, byte[] bytes, int expectedArticles)
    {
        using var dir = new Store.TempDir();
        var path = Path.Combine(dir.Path, fileName);
        File.WriteAllBytes(path, bytes);
        var watch = Stopwatch.StartNew();
        var task = Task.Run(() =>
        {
            var diagnostics = new DiagnosticBag();
            var articles = new ArticleLoader().Load([path], diagnostics).ToList();
            Assert.Equal(expectedArticles, articles.Count);
            foreach (var a in articles)
            {
                Invariants.ArticleShape(a);
                Invariants.Downstream(a);
            }
            return diagnostics;
        });
        Assert.True(task.Wait(Fuzz.PerInputLimit), $"{name} still running after {Fuzz.PerInputLimit.TotalSeconds} s");
        output.WriteLine($"{name}: {bytes.Length} bytes in {watch.Elapsed.TotalMilliseconds:0} ms; diagnostics: {string.Join(" | ", task.Result)}");
        return task.Result;
    }

    [Fact]
    public void Ten_megabyte_single_line_is_refused_as_too_long_not_truncated()
    {
        var r = new Random(1);
        var sb = new StringBuilder(10 * 1024 * 1024 + 100);
        while (sb.Length < 10 * 1024 * 1024) sb.Append(FuzzInputs.Words1(r)).Append(' ');
        var text = sb.ToString();
        var d = Assert.Single(ThroughEverything("10 MB single line", "big.txt", Encoding.UTF8.GetBytes(text), 0));
        Assert.Equal((DiagnosticSeverity.Error, "text"), (d.Severity, d.Field!));
        Assert.StartsWith($"article text is {text.TrimEnd().Length:N0} characters, over the 200,000-character limit", d.Message);
    }

    [Fact]
    public void Article_just_under_the_length_limit_is_read_and_analysed()
    {
        var r = new Random(2);
        var sb = new StringBuilder();
        while (sb.Length < IngestionOptions.DefaultMaxArticleChars - 100) sb.Append(FuzzInputs.Words1(r)).Append(' ');
        Assert.DoesNotContain(ThroughEverything("200k-character single line", "big.txt", Encoding.UTF8.GetBytes(sb.ToString()), 1), d => d.IsSkip);
    }

    [Fact]
    public void Hundred_thousand_quotation_marks()
    {
        // 100,000 marks in 133,334 characters: under the article length limit, so all of it is analysed.
        var text = "Smith said " + string.Concat(Enumerable.Repeat("\"\"a", 50_000)) + "she said.";
        ThroughEverything("100k quotes", "quotes.txt", Encoding.UTF8.GetBytes(text), 1);
    }

    [Fact]
    public void Deeply_nested_html_is_refused_before_parsing()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Smith said the tax would rise.</p>" +
                   string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var d = Assert.Single(ThroughEverything("100k nested divs", "deep.html", Encoding.UTF8.GetBytes(html), 0));
        Assert.EndsWith("deep.html: error: HTML nests elements more than 1,000 deep (IngestionOptions.MaxHtmlNestingDepth): skipped, because parsing it would take minutes; expected a saved news page", d.ToString());
    }

    [Fact]
    public void Html_nested_to_the_limit_is_read()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 990)) + "<p>Smith said the tax would rise.</p>" +
                   string.Concat(Enumerable.Repeat("</div>", 990)) + "</body></html>";
        ThroughEverything("990 nested divs", "deep.html", Encoding.UTF8.GetBytes(html), 1);
    }

    [Fact]
    public void Html_entity_bomb_and_scripts()
    {
        var html = "<html><head><script>" + new string('x', 1_000_000) + "</script></head><body><p>" +
                   string.Concat(Enumerable.Repeat("&amp;amp;&#x110000;&#99999999999;", 100_000)) + " Smith said it.</p></body></html>";
        // The references expand to more text than one article may hold: refused by length, not by a crash.
        var d = Assert.Single(ThroughEverything("entity bomb", "bomb.html", Encoding.UTF8.GetBytes(html), 0));
        Assert.StartsWith("article text is ", d.Message);

        var small = "<html><body><p>" + string.Concat(Enumerable.Repeat("&amp;amp;&#x110000;&#99999999999;&#0;", 5_000)) + " Smith said it.</p></body></html>";
        ThroughEverything("small entity bomb", "bomb.html", Encoding.UTF8.GetBytes(small), 1);
    }

    [Fact]
    public void Jsonl_with_a_huge_number_and_deep_nesting_is_refused_per_line()
    {
        var jsonl = "{\"text\": " + new string('9', 100_000) + "}\n" + new string('[', 100_000) + "\n{\"text\": \"Smith said it.\", \"date\": 1e999999}\n";
        ThroughEverything("jsonl huge number", "x.jsonl", Encoding.UTF8.GetBytes(jsonl), 1);
    }
}
