using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp bench --corpus DIR [--threads N] [--json] [--limit N] [--db FILE]</c>: the whole pipeline over a
/// folder, timed per stage; <c>cnlp bench growth</c>: 100 new articles into stores of growing size.
/// <c>cnlp bench scorer</c> (from <see cref="BenchScorerCommand"/>) stays a subcommand of the same group.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = BenchScorerCommand.Create();
        var corpus = new Option<string?>("--corpus") { Description = "A folder of articles to analyse (e.g. ../shared/data/bbc-news)." };
        var threads = new Option<int>("--threads") { Description = "Threads for tokenize, extract, embed and pair scoring, as analyze (resolve and pairing stay in input order, and above 1 a writer thread writes the store in that order, so the store is the same).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON to stdout." };
        var limit = new Option<int?>("--limit") { Description = "Only the first N articles (in the loader's order)." };
        var db = new Option<string?>("--db") { Description = "Store to analyse into (default: a fresh temporary store, deleted afterwards).", HelpName = "FILE" };
        var models = new Option<string?>("--models") { Description = "Models directory (default as for analyze).", HelpName = "DIR" };
        bench.Options.Add(corpus);
        bench.Options.Add(threads);
        bench.Options.Add(json);
        bench.Options.Add(limit);
        bench.Options.Add(db);
        bench.Options.Add(models);
        bench.SetAction(parse =>
        {
            var err = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(corpus);
            if (dir is null) { err.WriteLine("cnlp: bench needs --corpus DIR (or a subcommand: scorer, growth)."); return ExitCodes.BadUsage; }
            return RunPipeline(parse, dir, parse.GetValue(threads), parse.GetValue(json), parse.GetValue(limit), parse.GetValue(db), parse.GetValue(models));
        });
        bench.Subcommands.Add(CreateGrowth());
        return bench;
    }

    private static int RunPipeline(ParseResult parse, string dir, int threads, bool json, int? limit, string? dbOption, string? modelsOption)
    {
        var o = parse.InvocationConfiguration.Output;
        var err = parse.InvocationConfiguration.Error;
        var env = CliEnvironment.Current;
        if (threads < 1) { err.WriteLine($"cnlp: --threads must be at least 1, got {threads}."); return ExitCodes.BadUsage; }
        if (limit is < 0) { err.WriteLine($"cnlp: --limit must be at least 0, got {limit}."); return ExitCodes.BadUsage; }
        if (!Load(dir, limit, modelsOption, env, err, out var articles, out var stagesFactory, out int loadSkipped)) return ExitCodes.Failure;

        string? tempDir = null;
        string dbPath;
        if (dbOption is null)
        {
            tempDir = Directory.CreateTempSubdirectory("cnlp-bench-").FullName;
            dbPath = Path.Combine(tempDir, "bench.db");
        }
        else dbPath = CommonOptions.DbPath(dbOption, env);
        try
        {
            PipelineBenchmarkReport report;
            using (var store = CommonOptions.OpenStore(dbPath, err))
            {
                if (store is null) return ExitCodes.Failure;
                report = PipelineBenchmark.Run(articles, store, stagesFactory(), threads);
            }
            if (json) WriteJson(o, report);
            else WriteText(o, report, dir);
            return loadSkipped > 0 ? ExitCodes.FinishedWithSkips : ExitCodes.Ok;
        }
        finally
        {
            if (tempDir is not null) Directory.Delete(tempDir, recursive: true);
        }
    }

    /// <summary>Articles and a stages factory; false (after writing why) when the folder or the models cannot be used.</summary>
    private static bool Load(string dir, int? limit, string? modelsOption, CliEnvironment env, TextWriter err,
        out IReadOnlyList<Article> articles, out Func<PipelineStages> stages, out int skipped)
    {
        articles = [];
        stages = null!;
        skipped = 0;
        var full = Path.GetFullPath(dir, env.CurrentDirectory);
        if (!Directory.Exists(full)) { err.WriteLine($"cnlp: corpus folder not found: {full}"); return false; }
        var modelsDir = ModelsLocator.Find(modelsOption, env, out var notFound);
        if (modelsDir is null) { err.WriteLine($"cnlp: {notFound}"); return false; }
        try
        {
            var loaded = env.LoadStages(modelsDir);
            // One set of stages per run, the pair scorer's caches empty: a run must not reuse an earlier run's scores.
            stages = () => loaded.WithColdCaches();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            err.WriteLine($"cnlp: cannot load models from '{modelsDir}': {ex.Message}");
            return false;
        }
        // The stages' first-use work (compiling, first-use tables) while the corpus is read, not in the timed run: as
        // analyze does (see PipelineStages.Warm), so the figures are what a user's run costs after loading.
        var warm = stages().StartWarmUp();
        var diagnostics = new DiagnosticBag();
        var all = new ArticleLoader().Load([full], diagnostics);
        articles = (limit is { } n ? all.Take(n) : all).ToList();
        warm.GetAwaiter().GetResult();
        // Inputs the loader could not read are reported (they are not in the figures); exit code 3 says so.
        skipped = diagnostics.Count(d => d.IsSkip);
        foreach (var d in diagnostics.Where(d => d.IsSkip)) err.WriteLine(d.ToString());
        return true;
    }

    private static string StageName(PipelineStage s) => s.ToString().ToLowerInvariant();

    private static void WriteJson(TextWriter o, PipelineBenchmarkReport r) => StoreOutput.WriteJson(o, w =>
    {
        w.WriteStartObject();
        w.WriteNumber("words", r.Words);
        w.WriteNumber("seconds", Round(r.Seconds));
        w.WriteNumber("words_per_second", Round(r.WordsPerSecond));
        w.WriteNumber("articles", r.Articles);
        w.WriteNumber("articles_per_second", Round(r.ArticlesPerSecond));
        w.WriteNumber("claims", r.Claims);
        w.WriteNumber("candidate_pairs", r.CandidatePairs);
        w.WriteNumber("pairs_per_second", Round(r.PairsPerSecond));
        w.WriteNumber("through_claims_words_per_second", Round(r.ThroughClaimsWordsPerSecond));
        w.WriteNumber("threads", r.Threads);
        // The process's CPU seconds during the run: with several threads, wall time times threads minus this is the
        // time a core stood idle (or ran another job).
        w.WriteNumber("cpu_seconds", Round(r.CpuSeconds));
        w.WriteStartObject("stages");
        foreach (var s in r.Stages)
        {
            w.WriteStartObject(StageName(s.Stage));
            w.WriteNumber("seconds", Round(s.Seconds));
            w.WriteNumber("words_per_second", Round(s.WordsPerSecond));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteNumber("peak_mb", Round(r.PeakMb));
        w.WriteNumber("process_peak_mb", Round(r.ProcessPeakMb));
        // What the run asked of the garbage collector: a pause stops every thread, so it limits the gain from threads.
        w.WriteNumber("allocated_mb", Round(r.AllocatedMb));
        w.WriteStartArray("collections");
        foreach (var n in r.Collections) w.WriteNumberValue(n);
        w.WriteEndArray();
        w.WriteNumber("gc_pause_seconds", Round(r.GcPauseSeconds));
        // Compiling inside the run (after the stages' warm-up): methods and seconds.
        w.WriteNumber("jit_methods", r.JitMethods);
        w.WriteNumber("jit_seconds", Round(r.JitSeconds));
        w.WriteEndObject();
    });

    private static double Round(double v) => Math.Round(v, 3);

    private static void WriteText(TextWriter o, PipelineBenchmarkReport r, string dir)
    {
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ci, $"{dir}: {r.Articles} articles ({r.ArticlesSkipped} already stored), {r.Words} words, {r.Claims} claims, {r.CandidatePairs} candidate pairs scored; {r.Threads} thread{(r.Threads == 1 ? "" : "s")}"));
        o.WriteLine(string.Create(ci, $"{"stage",-11} {"seconds",9} {"share",7} {"words/s",12}"));
        foreach (var s in r.Stages)
            o.WriteLine(string.Create(ci, $"{StageName(s.Stage),-11} {s.Seconds,9:0.000} {(r.Seconds > 0 ? s.Seconds / r.Seconds : 0),7:P1} {s.WordsPerSecond,12:N0}"));
        o.WriteLine(string.Create(ci, $"tokenize+split: {r.Stage(PipelineStage.Tokenize).WordsPerSecond:N0} words/s; through claims: {r.ThroughClaimsWordsPerSecond:N0} words/s; pairs scored: {r.PairsPerSecond:N0}/s"));
        o.WriteLine(string.Create(ci, $"whole pipeline: {r.Seconds:0.000} s, {r.WordsPerSecond:N0} words/s, {r.ArticlesPerSecond:0.0} articles/s; CPU {r.CpuSeconds:0.000} s; peak working set {r.PeakMb:0} MB during the run ({r.ProcessPeakMb:0} MB process peak)"));
        o.WriteLine(string.Create(ci, $"managed heap: {r.AllocatedMb:N0} MB allocated; collections gen0/gen1/gen2 {r.Collections[0]}/{r.Collections[1]}/{r.Collections[2]}, paused {r.GcPauseSeconds:0.000} s; JIT {r.JitMethods} methods, {r.JitSeconds:0.000} s"));
    }

    private static Command CreateGrowth()
    {
        var corpus = new Option<string>("--corpus") { Description = "A folder of articles, cycled (with new ids and dates) to build the stores.", Required = true };
        var sizes = new Option<string>("--sizes") { Description = "Stored-article counts to measure, comma separated.", DefaultValueFactory = _ => "0,1000,10000" };
        var newCount = new Option<int>("--new") { Description = "New articles analysed into each store.", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Timed runs per size (the median is reported).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON to stdout." };
        var models = new Option<string?>("--models") { Description = "Models directory (default as for analyze).", HelpName = "DIR" };
        var threads = new Option<int>("--threads") { Description = "Threads of the timed runs (the bulk load of each store uses at least 2).", DefaultValueFactory = _ => 1 };
        var verbatim = new Option<bool>("--verbatim-copies") { Description = "Copies keep the corpus text verbatim (the same speakers in every copy: the worst case) instead of renaming its names per copy." };
        var phrases = new Option<bool>("--rename-phrases") { Description = "Copies also rename the words of multi-word names that are common in lower case (Home Office, Financial Times, Mr Cable), which the default renaming keeps; not with --verbatim-copies." };
        var keep = new Option<string?>("--keep-stores") { Description = "Keep the filled stores in DIR and reuse them in later runs when their manifest (corpus, size, copy mode, schema, stages, library build) matches.", HelpName = "DIR" };
        var unseen = new Option<bool>("--unseen-batch") { Description = "Hold the new articles' source articles (spread evenly over the corpus) out of the fill, so their stories are new to every store; by default the batch copies the corpus's first articles, whose stories a large store holds many times under other names." };
        var cmd = new Command("growth", "Time to analyse N new articles into stores already holding 0, 1k, 10k... articles.") { corpus, sizes, newCount, runs, threads, verbatim, phrases, unseen, keep, json, models };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var parsed = ParseSizes(parse.GetValue(sizes)!);
            if (parsed is null) { err.WriteLine($"cnlp: --sizes must be comma-separated counts >= 0, got '{parse.GetValue(sizes)}'."); return ExitCodes.BadUsage; }
            if (parse.GetValue(newCount) < 1) { err.WriteLine("cnlp: --new must be at least 1."); return ExitCodes.BadUsage; }
            if (parse.GetValue(runs) < 1) { err.WriteLine("cnlp: --runs must be at least 1."); return ExitCodes.BadUsage; }
            int runThreads = parse.GetValue(threads);
            if (runThreads < 1) { err.WriteLine($"cnlp: --threads must be at least 1, got {runThreads}."); return ExitCodes.BadUsage; }
            if (parse.GetValue(verbatim) && parse.GetValue(phrases)) { err.WriteLine("cnlp: --rename-phrases renames names; --verbatim-copies keeps the text as it is: choose one."); return ExitCodes.BadUsage; }
            var copyNames = parse.GetValue(verbatim) ? CopyNames.Verbatim : parse.GetValue(phrases) ? CopyNames.AlteredPhrases : CopyNames.Altered;
            if (!Load(parse.GetValue(corpus)!, null, parse.GetValue(models), CliEnvironment.Current, err, out var articles, out var stages, out _)) return ExitCodes.Failure;
            if (articles.Count == 0) { err.WriteLine("cnlp: the corpus folder has no articles."); return ExitCodes.Failure; }
            bool unseenBatch = parse.GetValue(unseen);
            if (unseenBatch && parse.GetValue(newCount) >= articles.Count)
            {
                err.WriteLine($"cnlp: --unseen-batch holds the {parse.GetValue(newCount)} new articles out of the fill, but the corpus has only {articles.Count}: use --new below {articles.Count}.");
                return ExitCodes.BadUsage;
            }
            var tempDir = Directory.CreateTempSubdirectory("cnlp-growth-").FullName;
            try
            {
                var points = PipelineBenchmark.Growth(articles, stages, parsed, parse.GetValue(newCount), parse.GetValue(runs), tempDir, err.WriteLine,
                    fillThreads: Math.Max(2, runThreads), threads: runThreads, names: copyNames, keepFolder: parse.GetValue(keep) is { } k ? Path.GetFullPath(k, CliEnvironment.Current.CurrentDirectory) : null,
                    unseenBatch: unseenBatch);
                var ci = CultureInfo.InvariantCulture;
                double baseline = points.FirstOrDefault()?.MedianSeconds ?? 0;
                if (parse.GetValue(json))
                    StoreOutput.WriteJson(o, w =>
                    {
                        w.WriteStartObject();
                        w.WriteNumber("new_articles", parse.GetValue(newCount));
                        w.WriteNumber("threads", runThreads);
                        w.WriteString("copies", copyNames switch { CopyNames.Verbatim => "verbatim", CopyNames.AlteredPhrases => "altered-phrases", _ => "altered" });
                        w.WriteString("batch", unseenBatch ? "unseen" : "restated");
                        w.WriteStartArray("sizes");
                        foreach (var p in points)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("stored_articles", p.StoredArticles);
                            w.WriteNumber("median_seconds", Round(p.MedianSeconds));
                            w.WriteStartArray("run_seconds");
                            foreach (var s in p.RunSeconds) w.WriteNumberValue(Round(s));
                            w.WriteEndArray();
                            w.WriteNumber("ratio_to_first", baseline > 0 ? Round(p.MedianSeconds / baseline) : 0);
                            w.WriteNumber("new_claims", p.NewClaims);
                            w.WriteNumber("new_pairs", p.NewPairs);
                            w.WriteNumber("peak_mb", Round(p.PeakMb));
                            w.WriteNumber("fill_seconds", Round(p.FillSeconds));
                            w.WriteNumber("median_cpu_seconds", Round(p.MedianCpuSeconds));
                            w.WriteNumber("median_pages_read", p.MedianPagesRead);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                else
                {
                    o.WriteLine(string.Create(ci, $"{"stored",8} {"median s",9} {"x first",8} {"claims",7} {"pairs",7} {"peak MB",8} {"fill s",8} {"cpu s",7} {"pages",7}"));
                    foreach (var p in points)
                        o.WriteLine(string.Create(ci, $"{p.StoredArticles,8} {p.MedianSeconds,9:0.000} {(baseline > 0 ? p.MedianSeconds / baseline : 0),8:0.00} {p.NewClaims,7} {p.NewPairs,7} {p.PeakMb,8:0} {p.FillSeconds,8:0.0} {p.MedianCpuSeconds,7:0.000} {p.MedianPagesRead,7:0}"));
                }
                return ExitCodes.Ok;
            }
            finally { Directory.Delete(tempDir, recursive: true); }
        });
        return cmd;
    }

    private static IReadOnlyList<int>? ParseSizes(string value)
    {
        var result = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return null;
            result.Add(n);
        }
        return result.Count == 0 ? null : result;
    }
}
