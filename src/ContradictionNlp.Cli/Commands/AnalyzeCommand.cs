using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Text;
using Spectre.Console;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp analyze PATH... [--db FILE] [--min-score P] [--models DIR] [--json] [--all]</c>: a thin
/// shell over <see cref="AnalysisPipeline"/>. Diagnostics go to stderr one per line; the flagged
/// pairs go to stdout as a table or JSON.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Article files (.txt, .jsonl, .html), directories (searched recursively) or - for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var minScore = CommonOptions.MinScore();
        var models = new Option<string?>("--models")
        {
            Description = $"Models directory. Default: ${ModelsLocator.EnvironmentVariable}, else the nearest models/ folder above the working directory, then above the executable.",
            HelpName = "DIR",
        };
        var all = new Option<bool>("--all") { Description = "Show every stored pair at or above --min-score, not only those flagged in this run." };
        var threads = new Option<int>("--threads") { Description = "Threads for tokenize, extract, embed and pair scoring; the store is the same for any count.", DefaultValueFactory = _ => 1 };
        var command = new Command("analyze", "Read articles, find attributed claims and flag same-speaker contradictions.")
        {
            paths, db, json, minScore, models, all, threads,
        };
        command.SetAction(parse => parse.GetValue(threads) is < 1 and var n
            ? BadThreads(parse, n)
            : Run(parse, new Settings(
                parse.GetValue(paths)!, parse.GetValue(db)!, parse.GetValue(json), parse.GetValue(minScore),
                parse.GetValue(models), parse.GetValue(all)) { Threads = parse.GetValue(threads) }));
        return command;
    }

    private sealed record Settings(string[] Paths, string Db, bool Json, double MinScore, string? Models, bool All)
    {
        public int Threads { get; init; } = 1;
    }

    private static int BadThreads(ParseResult parse, int n)
    {
        parse.InvocationConfiguration.Error.WriteLine($"cnlp: --threads must be at least 1, got {n}.");
        return ExitCodes.BadUsage;
    }

    private static int Run(ParseResult parse, Settings s)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var env = CliEnvironment.Current;

        // Models before the store: a missing model should not leave an empty store file behind.
        var modelsDir = ModelsLocator.Find(s.Models, env, out var notFound);
        if (modelsDir is null)
        {
            stderr.WriteLine($"cnlp: {notFound}");
            return ExitCodes.Failure;
        }
        PipelineStages stages;
        try { stages = env.LoadStages(modelsDir); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any failure here is about the model files (missing, wrong format, not built yet):
            // the user needs the folder and the reason, not a stack trace.
            stderr.WriteLine($"cnlp: cannot load models from '{modelsDir}': {ex.Message}");
            return ExitCodes.Failure;
        }

        // The stages' first-use work (PipelineStages.Warm: compiling what the ReadyToRun image lacks, first-use tables) on
        // the thread pool while the store is opened and the input read; the run waits for it, so it never competes with it.
        var warm = stages.WithColdCaches().StartWarmUp();
        using var store = CommonOptions.OpenStore(CommonOptions.DbPath(s.Db, env), stderr);
        if (store is null) return ExitCodes.Failure;

        // The bar goes where it does not mix with data: stdout only when that is a terminal
        // showing a table; otherwise stderr, and only when stderr is a terminal.
        bool barOnStdout = !s.Json && Terminal.IsStdout(stdout);
        var barWriter = barOnStdout ? stdout : stderr;
        bool showBar = barOnStdout || Terminal.IsStderr(stderr);

        var diagnostics = new DiagnosticBag();
        // Without a bar, diagnostics are printed as they happen (useful on long runs); with one,
        // after it, so they do not tear the bar apart.
        if (!showBar) diagnostics.Reported += d => stderr.WriteLine(TerminalText.Neutralise(d.ToString()));
        var articles = new ArticleLoader().Load(s.Paths.Select(p => CommonOptions.InputPath(p, env)), diagnostics, env.Stdin).ToList();
        var pipeline = new AnalysisPipeline(store, stages, new PipelineOptions { MinScore = s.MinScore, Threads = s.Threads });
        warm.GetAwaiter().GetResult();

        PipelineSummary summary;
        if (showBar)
        {
            summary = StoreOutput.Console(barWriter, terminal: true).Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("Analyzing", maxValue: Math.Max(1, articles.Count));
                return pipeline.Run(articles, diagnostics, new InlineProgress(p =>
                {
                    task.Value = p.Done;
                    task.Description = Markup.Escape(TerminalText.Neutralise(Path.GetFileName(p.Origin))); // descriptions are markup: a file named "a[b.txt" would throw
                }));
            });
        }
        else summary = pipeline.Run(articles, diagnostics);

        if (showBar) foreach (var d in diagnostics) stderr.WriteLine(TerminalText.Neutralise(d.ToString()));

        var flaggedKeys = summary.Flagged.Select(p => (p.A.Id, p.B.Id)).ToHashSet();
        var shown = store.ListPairs(s.MinScore).Where(p => s.All || flaggedKeys.Contains((p.A.Claim.Id, p.B.Claim.Id))).ToList();
        if (s.Json)
        {
            StoreOutput.WriteJson(stdout, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("articlesNew", summary.ArticlesNew);
                w.WriteNumber("articlesSkipped", summary.ArticlesSkipped);
                w.WriteNumber("claims", summary.Claims);
                w.WriteNumber("pairs", summary.Pairs);
                w.WriteNumber("flaggedCount", summary.FlaggedCount);
                w.WritePropertyName("flagged");
                StoreOutput.Pairs(w, shown);
                w.WriteEndObject();
            });
        }
        else
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.ArticlesNew} new article(s), {summary.ArticlesSkipped} already stored; {summary.Claims} claim(s), {summary.Pairs} pair(s) scored, {summary.FlaggedCount} flagged at >= {s.MinScore:0.00}."));
            if (shown.Count == 0) stdout.WriteLine(s.All ? "No stored pairs at or above the threshold." : "No pairs flagged in this run.");
            else StoreOutput.PairsTable(StoreOutput.Console(stdout, Terminal.IsStdout(stdout)), shown);
        }
        return diagnostics.AnySkipped ? ExitCodes.FinishedWithSkips : ExitCodes.Ok;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and race the bar).</summary>
    private sealed class InlineProgress(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }
}
