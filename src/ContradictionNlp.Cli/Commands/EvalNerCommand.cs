using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Scoring;
using ContradictionNlp.Tagging;
using ContradictionNlp.Text;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp eval ner</c>: entity-level exact-match precision, recall and F1 (micro and per type) on an IOB2 file.</summary>
public static class EvalNerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Gold IOB2 file.", Required = true, HelpName = "FILE" };
        var model = new Option<string>("--model") { Description = "NER folder.", DefaultValueFactory = _ => Path.Combine("models", "ner"), HelpName = "DIR" };
        var tagger = new Option<string>("--tagger") { Description = "POS tagger folder.", DefaultValueFactory = _ => Path.Combine("models", "tagger"), HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var cmd = new Command("ner", "Entity-level F1 of the named-entity recogniser (exact span and type).") { data, model, tagger, json };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(data)!;
            if (!File.Exists(file)) { err.WriteLine($"cnlp: data file not found: {file}"); return ExitCodes.BadUsage; }
            try
            {
                var t = TaggerModel.Load(parse.GetValue(tagger)!);
                var ner = NerModel.Load(parse.GetValue(model)!, t);
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                var sentences = CorpusReader.ReadIob2(file, diagnostics);
                var e = TaggingEvaluator.Evaluate(ner.Recognizer, t.Tagger, sentences);
                if (parse.GetValue(json)) o.WriteLine(ToJson(e));
                else
                {
                    var inv = CultureInfo.InvariantCulture;
                    o.WriteLine($"ner on {file}: {e.Sentences} sentences");
                    o.WriteLine($"{"type",-6} {"precision",9} {"recall",9} {"f1",9} {"gold",6} {"pred",6}");
                    foreach (var (name, c) in e.PerType.Append(new KeyValuePair<string, EntityCounts>("micro", e.Micro)))
                        o.WriteLine(string.Create(inv, $"{name,-6} {c.Precision,9:0.0000} {c.Recall,9:0.0000} {c.F1,9:0.0000} {c.Gold,6} {c.Predicted,6}"));
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

    /// <summary><c>{"f1","precision","recall","per_type":{TYPE:{"precision","recall","f1","gold","predicted"}}}</c></summary>
    public static string ToJson(NerEvaluation e) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("f1", Math.Round(e.Micro.F1, 4));
        w.WriteNumber("precision", Math.Round(e.Micro.Precision, 4));
        w.WriteNumber("recall", Math.Round(e.Micro.Recall, 4));
        w.WriteStartObject("per_type");
        foreach (var (type, m) in e.PerType)
        {
            w.WriteStartObject(type);
            w.WriteNumber("precision", Math.Round(m.Precision, 4));
            w.WriteNumber("recall", Math.Round(m.Recall, 4));
            w.WriteNumber("f1", Math.Round(m.F1, 4));
            w.WriteNumber("gold", m.Gold);
            w.WriteNumber("predicted", m.Predicted);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
