using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;
using ContradictionNlp.Tests.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.EndToEnd;

/// <summary>The planted contradictions and near misses of data/samples (see data/samples/README.md).</summary>
public static class Planted
{
    public sealed record Expectation(string Speaker, string A, string B);

    public static readonly Expectation[] Contradictions =
    [
        new("Dana Whitfield", "the city will not raise property taxes next year", "property taxes will rise next year"),
        new("Marcus Oyelaran", "will create 120 jobs", "will create 40 jobs"),
        new("Helena Varga", "the Brennick reactor plant is safe", "the Brennick reactor plant is dangerous"),
        // A denial, then the admission: the same words under opposite cues (CuePolarity).
        new("Marcus Oyelaran", "Caldera Foods will move its head office out of Port Averill", "Caldera Foods will move its head office out of Port Averill next year"),
    ];

    public static readonly Expectation[] NearMisses =
    [
        // A partial repeat (VerbatimRepeat.PartOf): not even paired.
        new("Dana Whitfield", "the harbor bridge will reopen in May", "the harbor bridge will reopen in May as planned"),
        new("Tomas Reyes", "the budget leaves too little for road repairs", "the budget still leaves too little for road repairs"),
        new("Helena Varga", "inspections will continue every month", "monthly inspections will continue"),
        new("Marcus Oyelaran", "construction will begin in January", "construction began in January as planned"),
        new("Ines Calloway", "the winter ferry timetable will end on April 1", "two extra evening crossings will be added"),
        // Denying a closure, then saying it stays open: the contents contradict, the claims agree.
        new("Tomas Reyes", "the council will close the old library", "the old library will stay open"),
        // The same plan in other words plus a negated clause about something else: the model alone flags it (0.87), the
        // clause-core rule (ClauseCore) scores it without that clause.
        new("Ines Calloway", "the north pier will reopen to fishing boats in June", "the north pier will reopen to the fishing fleet in June, but the fuel dock will not open before August"),
    ];

    public static string SamplesDir => TestPaths.Repo("data", "samples");
}

public class SamplesTests
{
    [Fact]
    public void Samples_load_as_eight_dated_articles_without_errors()
    {
        var bag = new DiagnosticBag();
        var articles = new ArticleLoader().Load([Planted.SamplesDir], bag).ToList();
        Assert.DoesNotContain(bag, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(8, articles.Count); // 5 .txt + 2 in the .jsonl + 1 .html
        Assert.All(articles, a => Assert.NotNull(a.Date));
        Assert.Equal(8, articles.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Every_planted_claim_in_the_samples_readme_occurs_in_the_articles()
    {
        var texts = new ArticleLoader().Load([Planted.SamplesDir], new DiagnosticBag()).Select(a => a.Text).ToList();
        foreach (var e in Planted.Contradictions.Concat(Planted.NearMisses))
        {
            Assert.Contains(texts, t => t.Contains(e.A, StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains(e.B, StringComparison.Ordinal));
        }
        var readme = File.ReadAllText(Path.Combine(Planted.SamplesDir, "README.md"));
        foreach (var e in Planted.Contradictions) Assert.Contains(e.A, readme);
    }
}

public class SamplesThroughCliTests
{
    [Fact]
    public void Cli_analyze_on_the_samples_with_test_stages_stores_every_article_once()
    {
        using var dir = new TempDir();
        dir.Write("models/scorer/CURRENT", "v1");
        var env = new ContradictionNlp.Cli.CliEnvironment
        {
            CurrentDirectory = dir.Path, ExecutableDirectory = dir.Path, GetEnvironmentVariable = _ => null, Stdin = null,
            LoadStages = _ => ContradictionNlp.Tests.Pipeline.TestStages.Create(),
        };
        var db = dir.File("samples.db");
        int Run(StringWriter o, StringWriter e)
        {
            using (ContradictionNlp.Cli.CliEnvironment.Use(env))
                return ContradictionNlp.Cli.CnlpApp.Run(["analyze", Planted.SamplesDir, "--db", db, "--json"], o, e);
        }

        var (out1, err1) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, Run(out1, err1));
        var first = System.Text.Json.JsonDocument.Parse(out1.ToString()).RootElement;
        Assert.Equal(8, first.GetProperty("articlesNew").GetInt32());
        // The festival article has no "X said ..." sentence, so it carries the no-claims warning.
        Assert.Contains("2024-02-24-lantern-festival.txt: warning: no attributed claims found", err1.ToString());

        var (out2, _) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, Run(out2, new StringWriter()));
        var second = System.Text.Json.JsonDocument.Parse(out2.ToString()).RootElement;
        Assert.Equal((0, 8), (second.GetProperty("articlesNew").GetInt32(), second.GetProperty("articlesSkipped").GetInt32()));
    }
}

/// <summary>A [Fact] that runs only when the bundled models load (i.e. once the real stages are merged in).</summary>
public sealed class RealModelsFactAttribute : FactAttribute
{
    public RealModelsFactAttribute()
    {
        if (RealModels.Unavailable is { } why) Skip = why;
    }
}

public static class RealModels
{
    public static string Directory => TestPaths.Repo("models");

    /// <summary>Null when the models load; else why not.</summary>
    public static string? Unavailable { get; } = Probe();

    private static string? Probe()
    {
        try
        {
            var catalog = ModelCatalog.Open(Directory);
            catalog.LoadEmbedder();
            catalog.LoadScorer();
            return null;
        }
        catch (Exception ex)
        {
            return $"real models not available in {Directory}: {ex.GetType().Name}: {ex.Message}";
        }
    }
}

public class SamplesEndToEndTests
{
    [RealModelsFact]
    public void Analyzing_the_samples_flags_the_planted_contradictions_and_not_the_near_misses()
    {
        using var dir = new TempDir();
        using var store = ClaimStore.Open(dir.File("e2e.db"));
        var catalog = ModelCatalog.Open(RealModels.Directory);
        var pipeline = new AnalysisPipeline(store, PipelineStages.Create(catalog.LoadEmbedder(), catalog.LoadScorer()));
        var bag = new DiagnosticBag();
        var summary = pipeline.Run(new ArticleLoader().Load([Planted.SamplesDir], bag).ToList(), bag);

        Assert.Equal(8, summary.ArticlesNew);
        var flagged = store.ListPairs(0.5);
        foreach (var e in Planted.Contradictions)
            Assert.Contains(flagged, p => p.SpeakerName.Contains(e.Speaker.Split(' ')[^1], StringComparison.Ordinal)
                                          && p.A.Claim.ContentText.Contains(e.A, StringComparison.Ordinal)
                                          && p.B.Claim.ContentText.Contains(e.B, StringComparison.Ordinal));
        foreach (var e in Planted.NearMisses)
            Assert.DoesNotContain(flagged, p => p.A.Claim.ContentText.Contains(e.A, StringComparison.Ordinal)
                                                && p.B.Claim.ContentText.Contains(e.B, StringComparison.Ordinal));
        Assert.Contains(bag, d => d.Origin.EndsWith("2024-02-24-lantern-festival.txt", StringComparison.Ordinal)
                                  && d.Severity == DiagnosticSeverity.Warning);

        // Re-running the samples is a no-op.
        var again = pipeline.Run(new ArticleLoader().Load([Planted.SamplesDir], new DiagnosticBag()).ToList(), new DiagnosticBag());
        Assert.Equal((0, 8), (again.ArticlesNew, again.ArticlesSkipped));
    }
}
