using System.CommandLine;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp train tagger</c>: averaged-perceptron UPOS tagger + lemmatizer from a CoNLL-U treebank.</summary>
public static class TrainTaggerCommand
{
    public static Command Create()
    {
        var defaults = new PosTaggerOptions();
        var trainFile = new Option<string>("--train") { Description = "CoNLL-U training file (.conllu or .conllu.gz).", Required = true, HelpName = "FILE" };
        var dev = new Option<string[]>("--dev") { Description = "CoNLL-U files measured after training and recorded in the manifest.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [], HelpName = "FILE" };
        var outDir = new Option<string>("--out") { Description = "Model folder to write.", DefaultValueFactory = _ => Path.Combine("models", "tagger"), HelpName = "DIR" };
        var perceptron = new PerceptronOptionSet(defaults);
        var prune = new Option<double>("--prune") { Description = "Drop averaged weights smaller than this in magnitude.", DefaultValueFactory = _ => defaults.Prune };
        var wordnet = new Option<string?>("--wordnet") { Description = "WordNet dict folder (Debian wordnet-base: /usr/share/wordnet) for lemma exception lists and base words.", HelpName = "DIR" };
        var vectors = new Option<string?>("--vectors") { Description = "Word vectors file (models/embeddings/glove-6b-100d-q8.bin) to cluster into word-class features.", HelpName = "FILE" };
        var cmd = new Command("tagger", "Train the POS tagger and lemmatizer.") { trainFile, dev, outDir, prune, wordnet, vectors };
        perceptron.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var files = new[] { parse.GetValue(trainFile)! }.Concat(parse.GetValue(dev)!).ToList();
            var missing = files.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null) { err.WriteLine($"cnlp: data file not found: {missing}"); return ExitCodes.BadUsage; }
            var wn = parse.GetValue(wordnet);
            if (wn is not null && !Directory.Exists(wn)) { err.WriteLine($"cnlp: WordNet folder not found: {wn}"); return ExitCodes.BadUsage; }
            var vec = parse.GetValue(vectors);
            if (vec is not null && !File.Exists(vec)) { err.WriteLine($"cnlp: vectors file not found: {vec}"); return ExitCodes.BadUsage; }
            var options = new PosTaggerOptions { Seed = parse.GetValue(perceptron.Seed), Iterations = parse.GetValue(perceptron.Iterations), HashBits = parse.GetValue(perceptron.HashBits), Prune = parse.GetValue(prune) };
            if (!PerceptronOptionSet.Valid(options, err)) return ExitCodes.BadUsage;
            try
            {
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                var model = TaggerModel.Train(files[0], files.Skip(1).ToList(), options, wn, diagnostics, o, vec);
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
