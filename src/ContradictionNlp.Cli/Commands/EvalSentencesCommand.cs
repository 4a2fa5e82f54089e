using System.CommandLine;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;
using Spectre.Console;

namespace ContradictionNlp.Cli.Commands;

/// <summary><c>cnlp eval sentences --cases FILE [--json] [--failures]</c>: golden-rule pass counts of the sentence splitter.</summary>
public static class EvalSentencesCommand
{
    public static Command Create()
    {
        var cases = new Option<FileInfo>("--cases")
        {
            Description = "Segmentation cases (JSON array, e.g. pragmatic-segmenter-golden-rules/english_segmentation_cases.json).",
            Required = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print only {\"golden\":{\"passed\":N,\"total\":N},\"all\":{\"passed\":N,\"total\":N}}.",
        };
        var failures = new Option<bool>("--failures")
        {
            Description = "Also list the failing cases with expected and actual sentences.",
        };
        var command = new Command("sentences", "Score the sentence splitter on segmentation cases (golden rules and all).");
        command.Options.Add(cases);
        command.Options.Add(json);
        command.Options.Add(failures);
        command.SetAction(parse => Run(
            parse.GetValue(cases)!, parse.GetValue(json), parse.GetValue(failures),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(FileInfo file, bool json, bool listFailures, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"cnlp: cases file not found: {file.FullName}");
            return ExitCodes.BadUsage;
        }
        var diagnostics = new DiagnosticBag();
        var loaded = SentenceEvaluation.LoadCases(file.FullName, diagnostics);
        foreach (var d in diagnostics) stderr.WriteLine(d);
        if (loaded.Count == 0)
        {
            stderr.WriteLine($"cnlp: no usable cases in {file.FullName}");
            return ExitCodes.Failure;
        }

        var report = SentenceEvaluation.Evaluate(loaded);
        if (json)
        {
            stdout.WriteLine(report.ToJson());
        }
        else
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(stdout),
            });
            var table = new Table().AddColumn("set").AddColumn("passed").AddColumn("total").AddColumn("rate");
            table.AddRow("golden rules", report.Golden.Passed.ToString(), report.Golden.Total.ToString(), $"{report.Golden.Rate:P1}");
            table.AddRow("all cases", report.All.Passed.ToString(), report.All.Total.ToString(), $"{report.All.Rate:P1}");
            console.Write(table);
        }
        if (listFailures)
        {
            // With --json the failures go to stderr so stdout stays exactly one JSON object.
            var w = json ? stderr : stdout;
            foreach (var r in report.Failures)
            {
                w.WriteLine($"FAIL {r.Case.Id} ({r.Case.Name})");
                foreach (var e in r.Case.Expected) w.WriteLine($"  expected: {SentenceEvaluation.CollapseWhitespace(e)}");
                foreach (var a in r.Actual) w.WriteLine($"  actual:   {a}");
            }
        }
        return diagnostics.AnySkipped ? ExitCodes.FinishedWithSkips : ExitCodes.Ok;
    }
}
