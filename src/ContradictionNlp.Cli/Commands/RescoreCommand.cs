using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Pipeline;
using ContradictionNlp.Store;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp rescore [--db FILE] [--models DIR] [--min-score P] [--batch-size N]</c>: re-scores every stored
/// pair with the current scorer (after a retrain or a <c>cnlp models use</c>), one transaction per batch,
/// and records the model version on each pair.
/// </summary>
public static class RescoreCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var minScore = CommonOptions.MinScore();
        var models = new Option<string?>("--models")
        {
            Description = $"Models directory. Default: ${ModelsLocator.EnvironmentVariable}, else the nearest models/ folder above the working directory, then above the executable.",
            HelpName = "DIR",
        };
        var batch = new Option<int>("--batch-size") { Description = "Pairs per transaction (default 500).", DefaultValueFactory = _ => 500, HelpName = "N" };
        var cmd = new Command("rescore", "Re-score every stored pair with the current scorer and record its version on each pair.") { db, minScore, models, batch };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var env = CliEnvironment.Current;
            if (parse.GetValue(batch) < 1) { err.WriteLine("cnlp: --batch-size must be at least 1."); return ExitCodes.BadUsage; }
            var modelsDir = ModelsLocator.Find(parse.GetValue(models), env, out var notFound);
            if (modelsDir is null) { err.WriteLine($"cnlp: {notFound}"); return ExitCodes.Failure; }
            PipelineStages stages;
            try { stages = env.LoadStages(modelsDir); }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                err.WriteLine($"cnlp: cannot load models from '{modelsDir}': {ex.Message}");
                return ExitCodes.Failure;
            }
            using var store = CommonOptions.OpenStore(CommonOptions.DbPath(parse.GetValue(db)!, env), err, mustExist: true);
            if (store is null) return ExitCodes.Failure;
            var scorer = stages.PairScorer;
            var s = store.Rescore((a, b, sim) => scorer.Score(a, b, sim).Score, scorer.ModelVersion, parse.GetValue(minScore), parse.GetValue(batch));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rescored {s.Pairs} pair(s) with scorer {s.ModelVersion}; flagged at >= {s.Threshold:0.00}: {s.FlaggedBefore} before, {s.FlaggedAfter} after ({s.NewlyFlagged} newly flagged, {s.NoLongerFlagged} no longer)."));
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
