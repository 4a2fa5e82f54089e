using System.CommandLine;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp train ner</c>: person/organisation/location recogniser from IOB2 files, on the tagger's POS tags.</summary>
public static class TrainNerCommand
{
    public static Command Create()
    {
        var defaults = new NerOptions();
        var trainFile = new Option<string>("--train") { Description = "IOB2 training file (UniversalNER format).", Required = true, HelpName = "FILE" };
        var dev = new Option<string[]>("--dev") { Description = "IOB2 files measured after training and recorded in the manifest.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [], HelpName = "FILE" };
        var tagger = new Option<string>("--tagger") { Description = "POS tagger folder whose tags the model is trained on.", DefaultValueFactory = _ => Path.Combine("models", "tagger"), HelpName = "DIR" };
        var outDir = new Option<string>("--out") { Description = "Model folder to write.", DefaultValueFactory = _ => Path.Combine("models", "ner"), HelpName = "DIR" };
        var perceptron = new PerceptronOptionSet(defaults);
        var cmd = new Command("ner", "Train the named-entity recogniser (PER, ORG, LOC).") { trainFile, dev, tagger, outDir };
        perceptron.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var files = new[] { parse.GetValue(trainFile)! }.Concat(parse.GetValue(dev)!).ToList();
            var missing = files.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null) { err.WriteLine($"cnlp: data file not found: {missing}"); return ExitCodes.BadUsage; }
            var options = new NerOptions { Seed = parse.GetValue(perceptron.Seed), Iterations = parse.GetValue(perceptron.Iterations), HashBits = parse.GetValue(perceptron.HashBits) };
            if (!PerceptronOptionSet.Valid(options, err)) return ExitCodes.BadUsage;
            try
            {
                var taggerModel = TaggerModel.Load(parse.GetValue(tagger)!);
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                var model = NerModel.Train(files[0], files.Skip(1).ToList(), taggerModel, options, diagnostics, o);
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
