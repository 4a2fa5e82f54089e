using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Cli.Output;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Scoring;
using ContradictionNlp.Text;
using ContradictionNlp.Training;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp eval scorer</c>: 3-way NLI quality of a scorer on a labelled TSV file.</summary>
public static class EvalScorerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled TSV (PATH, PATH@train or PATH@heldout).", Required = true };
        var model = new Option<string?>("--model") { Description = "Scorer folder (default: the one models/scorer/CURRENT names)." };
        var models = new Option<string>("--models") { Description = "Models folder.", DefaultValueFactory = _ => "models" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var errors = new Option<int>("--errors") { Description = "Also print the first N misclassified pairs (error analysis).", DefaultValueFactory = _ => 0 };
        var plot = new Option<string?>("--plot") { Description = "Also write the contradiction precision-recall curve to this SVG file." };
        var cmd = new Command("scorer", "Accuracy, per-class P/R/F1, contradiction AUC and calibration of the scorer.") { data, model, models, json, errors, plot };
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            DataSpec spec;
            try { spec = DataSpec.Parse(parse.GetValue(data)!); }
            catch (FormatException ex) { err.WriteLine($"cnlp: {ex.Message}"); return ExitCodes.BadUsage; }
            if (!File.Exists(spec.Path)) { err.WriteLine($"cnlp: data file not found: {spec.Path}"); return ExitCodes.BadUsage; }
            try
            {
                var catalog = ModelCatalog.Open(parse.GetValue(models)!);
                var folder = parse.GetValue(model) ?? catalog.CurrentScorerDirectory();
                var scorer = catalog.LoadScorer(folder);
                var diagnostics = new DiagnosticBag();
                diagnostics.Reported += d => err.WriteLine(d.ToString());
                var rows = NliTsvReader.Read(spec, diagnostics);
                var probs = ScorerTraining.Predict(scorer, rows);
                var m = ScorerMetrics.Compute(rows.Select(r => r.Label).ToList(), probs);
                if (parse.GetValue(plot) is { } svgPath)
                {
                    var curve = ScorerPrCurve.Compute(rows.Select(r => r.Label == 0).ToList(), probs.Select(p => p[0]).ToList());
                    File.WriteAllText(svgPath, ScorerPrCurve.ToSvg(curve, $"scorer {scorer.ModelVersion} on {Path.GetFileName(spec.ToString())}: contradiction P-R (AUC {m.ContradictionAuc:0.000})"));
                }
                if (parse.GetValue(json)) o.WriteLine(ToJson(m));
                else Print(o, spec.ToString(), scorer.ModelVersion, m);
                var shown = 0;
                for (var i = 0; i < rows.Count && shown < parse.GetValue(errors); i++)
                {
                    var s = scorer.Score(rows[i].Premise, rows[i].Hypothesis);
                    double[] p = [s.Contradiction, s.Entailment, s.Neutral];
                    var pred = Array.IndexOf(p, p.Max());
                    if (pred == rows[i].Label) continue;
                    shown++;
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{rows[i].Origin}:{rows[i].Line} gold={LogisticModel.Labels[rows[i].Label]} predicted={LogisticModel.Labels[pred]} (C {p[0]:0.00} E {p[1]:0.00} N {p[2]:0.00}) cues: {string.Join(",", s.Reasons.Select(r => r.Kind))}"));
                    o.WriteLine($"  P: {rows[i].Premise}");
                    o.WriteLine($"  H: {rows[i].Hypothesis}");
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

    public static string ToJson(ScorerMetrics m)
    {
        var c = m.Contradiction;
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("n", m.N);
            w.WriteNumber("accuracy", Math.Round(m.Accuracy, 4));
            w.WriteNumber("macro_f1", Math.Round(m.MacroF1, 4));
            w.WriteStartObject("contradiction");
            w.WriteNumber("precision", Math.Round(c.Precision, 4));
            w.WriteNumber("recall", Math.Round(c.Recall, 4));
            w.WriteNumber("f1", Math.Round(c.F1, 4));
            if (double.IsNaN(m.ContradictionAuc)) w.WriteNull("auc"); else w.WriteNumber("auc", Math.Round(m.ContradictionAuc, 4));
            w.WriteEndObject();
            w.WriteNumber("ece", Math.Round(m.Ece, 4));
            w.WriteEndObject();
        });
    }

    private static void Print(TextWriter o, string data, string version, ScorerMetrics m)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine($"scorer {version} on {data}: n={m.N}");
        o.WriteLine(string.Create(inv, $"accuracy {m.Accuracy:0.0000}   macro F1 {m.MacroF1:0.0000}   contradiction AUC {m.ContradictionAuc:0.0000}   ECE {m.Ece:0.0000}"));
        o.WriteLine($"{"class",-14} {"precision",9} {"recall",9} {"f1",9} {"support",8}");
        foreach (var c in m.Classes)
            o.WriteLine(string.Create(inv, $"{c.Label,-14} {c.Precision,9:0.0000} {c.Recall,9:0.0000} {c.F1,9:0.0000} {c.Support,8}"));
        o.WriteLine("confusion (rows gold, columns predicted):");
        o.WriteLine($"{"",-14} " + string.Join(" ", LogisticModel.Labels.Select(l => $"{l,13}")));
        for (var g = 0; g < m.Confusion.Length; g++)
            o.WriteLine($"{LogisticModel.Labels[g],-14} " + string.Join(" ", m.Confusion[g].Select(v => $"{v,13}")));
    }
}
