using System.CommandLine;
using ContradictionNlp.Claims;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp train attribution --polnear DIR [--dev DIR] [--seed N] [--out DIR]</c>: the learned cue/source/content tagger.</summary>
public static class TrainAttributionCommand
{
    public static Command Create()
    {
        var defaults = new AttributionTaggerOptions();
        var polnear = new Option<string>("--polnear") { Description = "PolNeAR train split folder (text/ and attributions/); never dev.", Required = true, HelpName = "DIR" };
        var dev = new Option<string[]>("--dev") { Description = "Splits measured after training (rules / learned / hybrid) and recorded in the manifest; for model selection only.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [], HelpName = "DIR" };
        var outDir = new Option<string>("--out") { Description = "Model folder to write.", DefaultValueFactory = _ => Path.Combine("models", "attribution"), HelpName = "DIR" };
        var stack = new Option<bool>("--stack-rules") { Description = "Stack the tagger on the rule extractor: it also reads the rules' claims per token (run on the training articles as at inference). Not used for the shipped model (see models/README.md)." };
        var perceptron = new PerceptronOptionSet(defaults);
        var cmd = new Command("attribution", "Train the learned attribution tagger (BIO cue/source/content) on PolNeAR.") { polnear, dev, outDir, stack };
        perceptron.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var dirs = new[] { parse.GetValue(polnear)! }.Concat(parse.GetValue(dev)!).ToList();
            var missing = dirs.FirstOrDefault(d => !Directory.Exists(Path.Combine(d, "attributions")));
            if (missing is not null) { err.WriteLine($"cnlp: '{missing}' is not a PolNeAR split: expected a folder '{Path.Combine(missing, "attributions")}'."); return ExitCodes.BadUsage; }
            var options = new AttributionTaggerOptions { Seed = parse.GetValue(perceptron.Seed), Iterations = parse.GetValue(perceptron.Iterations), HashBits = parse.GetValue(perceptron.HashBits), StackRules = parse.GetValue(stack) };
            if (!PerceptronOptionSet.Valid(options, err)) return ExitCodes.BadUsage;
            try
            {
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                var model = AttributionModel.Train(dirs[0], dirs.Skip(1).ToList(), options, diagnostics, o);
                var folder = parse.GetValue(outDir)!;
                model.Save(folder);
                o.WriteLine($"saved {folder} (trained in {model.Manifest.TrainingSeconds:0.0} s)");
                return diagnostics.AnySkipped ? ExitCodes.FinishedWithSkips : ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is ModelFormatException or IOException)
            {
                err.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return cmd;
    }
}
