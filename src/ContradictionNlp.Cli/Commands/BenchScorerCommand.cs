using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Pairing;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp bench scorer</c>: same-speaker pairs scored per second on one core over a news corpus.</summary>
public static class BenchScorerCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed.");
        var corpus = new Option<string>("--corpus") { Description = "A folder of news articles (e.g. ../shared/data/bbc-news).", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Pairs to score (the corpus's same-speaker pairs, cycled).", DefaultValueFactory = _ => 200_000 };
        var model = new Option<string?>("--model") { Description = "Scorer folder (default: the one models/scorer/CURRENT names)." };
        var models = new Option<string>("--models") { Description = "Models folder.", DefaultValueFactory = _ => "models" };
        var cmd = new Command("scorer", "Pairs scored per second on one thread: topic gate first, then the model both ways.") { corpus, pairs, model, models };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(corpus)!;
            if (!Directory.Exists(dir)) { err.WriteLine($"cnlp: corpus folder not found: {dir}"); return ExitCodes.BadUsage; }
            if (parse.GetValue(pairs) < 1) { err.WriteLine("cnlp: --pairs must be at least 1."); return ExitCodes.BadUsage; }
            try
            {
                var catalog = ModelCatalog.Open(parse.GetValue(models)!);
                var scorer = catalog.LoadScorer(parse.GetValue(model) ?? catalog.CurrentScorerDirectory());
                var articles = new ContradictionNlp.Ingestion.ArticleLoader().Load([dir], new DiagnosticBag()).ToList();
                var r = ScorerBenchmark.Run(articles, new PairScorer(scorer), parse.GetValue(pairs));
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"scorer {scorer.ModelVersion}: {articles.Count} articles, {r.Claims} claims, {r.DistinctPairs} distinct same-speaker cross-article pairs"));
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"scored {r.Pairs} pairs on 1 thread in {r.PrepareSeconds + r.ScoreSeconds:0.000} s (prepare {r.PrepareSeconds:0.000} s, score {r.ScoreSeconds:0.000} s): {r.PairsPerSecond:0} pairs/s per core (wall); CPU {r.CpuSeconds:0.000} s: {r.PairsPerCpuSecond:0} pairs per CPU-second"));
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"passed the topic gate: {r.PassedGate} ({r.GatePassShare:P1}); flagged: {r.Flagged}"));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is ModelFormatException or IOException)
            {
                err.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        bench.Subcommands.Add(cmd);
        return bench;
    }
}
