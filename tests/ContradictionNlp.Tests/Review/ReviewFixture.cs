using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.EndToEnd;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Review;

/// <summary>
/// A store made by the real pipeline from data/samples plus one hostile article (markup, script
/// tags, Spectre markup and terminal escapes in its text). Built once per test run; every test
/// gets its own copy of the file.
/// </summary>
public static class ReviewFixture
{
    /// <summary>Claim text of the hostile article: what must come out escaped everywhere.</summary>
    public const string HostileScript = "<script>alert(1)</script>";
    public const string HostileEscape = "\u001b]0;pwned\u0007";

    public static readonly string HostileArticle =
        "Ferry <b>notice</b> [red]update[/]\n" +
        "date 2024-05-01\n\n" +
        $"Port Averill Mayor Dana Whitfield said that the {HostileScript} ferry will not run in June [bold]at all[/]. " +
        $"Later, Whitfield said that the ferry will run in June{HostileEscape} \u001b[31mafter all.\n";

    private static readonly Lazy<string> Template = new(Build);

    /// <summary>A fresh copy of the fixture store inside <paramref name="dir"/>.</summary>
    public static string NewStore(TempDir dir, string name = "review.db")
    {
        var path = dir.File(name);
        File.Copy(Template.Value, path);
        return path;
    }

    private static string Build()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cnlp-review-fixture-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        foreach (var f in Directory.GetFiles(Planted.SamplesDir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(input, "2024-05-01-hostile.txt"), HostileArticle);
        var db = Path.Combine(dir, "template.db");
        var catalog = ModelCatalog.Open(RealModels.Directory);
        using (var store = ClaimStore.Open(db))
        {
            var bag = new DiagnosticBag();
            new AnalysisPipeline(store, PipelineStages.Create(catalog.LoadEmbedder(), catalog.LoadScorer()))
                .Run(new ArticleLoader().Load([input], bag).ToList(), bag);
        }
        return db;
    }
}

/// <summary>A clock that says what the test tells it to.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
