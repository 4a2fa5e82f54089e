using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp eval tagger</c>: UPOS and lemma accuracy of the tagger on a CoNLL-U file.</summary>
public static class EvalTaggerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Gold CoNLL-U file.", Required = true, HelpName = "FILE" };
        var model = new Option<string>("--model") { Description = "Tagger folder.", DefaultValueFactory = _ => Path.Combine("models", "tagger"), HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var speed = new Option<bool>("--speed") { Description = "Also measure tagging speed (tokens/s, one thread)." };
        var confusions = new Option<int>("--confusions") { Description = "Also print the N most frequent (gold, predicted) UPOS confusions.", DefaultValueFactory = _ => 0 };
        var cmd = new Command("tagger", "UPOS accuracy and lemma accuracy (lemmas from predicted tags).") { data, model, json, speed, confusions };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(data)!;
            if (!File.Exists(file)) { err.WriteLine($"cnlp: data file not found: {file}"); return ExitCodes.BadUsage; }
            try
            {
                var m = TaggerModel.Load(parse.GetValue(model)!);
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                var sentences = CorpusReader.ReadConllu(file, diagnostics);
                var e = TaggingEvaluator.Evaluate(m.Tagger, m.Lemmatizer, sentences);
                double? tps = parse.GetValue(speed) ? TaggingEvaluator.TokensPerSecond(m.Tagger, sentences) : null;
                if (parse.GetValue(json)) o.WriteLine(ToJson(e, tps));
                else
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger on {file}: {e.Tokens} tokens in {sentences.Count} sentences"));
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UPOS accuracy {e.UposAccuracy:0.0000}   lemma accuracy {e.LemmaAccuracy:0.0000}"));
                    if (tps is { } t) o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed {t:0} tokens/s (one thread)"));
                    var top = parse.GetValue(confusions);
                    if (top > 0)
                    {
                        var counts = new Dictionary<(UPos Gold, UPos Predicted), int>();
                        foreach (var s in sentences)
                        {
                            var tags = m.Tagger.TagWords(s.Words.Select(w => w.Form).ToArray());
                            for (var i = 0; i < tags.Length; i++)
                                if (tags[i] != s.Words[i].Upos) counts[(s.Words[i].Upos, tags[i])] = counts.GetValueOrDefault((s.Words[i].Upos, tags[i])) + 1;
                        }
                        o.WriteLine("gold -> predicted: count");
                        foreach (var ((g, p), c) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(top))
                            o.WriteLine($"  {UPosNames.Name(g)} -> {UPosNames.Name(p)}: {c}");
                    }
                }
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

    public static string ToJson(TaggerEvaluation e, double? tokensPerSecond = null)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tokens", e.Tokens);
            w.WriteNumber("upos_accuracy", Math.Round(e.UposAccuracy, 4));
            w.WriteNumber("lemma_accuracy", Math.Round(e.LemmaAccuracy, 4));
            if (tokensPerSecond is { } t) w.WriteNumber("tokens_per_second", Math.Round(t));
            w.WriteEndObject();
        });
    }
}
