using System.CommandLine;
using System.Globalization;
using ContradictionNlp.Claims;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;
using Spectre.Console;

namespace ContradictionNlp.Cli.Commands;

/// <summary>
/// <c>cnlp eval attribution --polnear DIR [--json] [--limit N] [--errors FILE] [--pronoun-sample N [--seed S]]</c>: scores our
/// claim extraction against PolNeAR gold source/cue/content spans. With <c>--agreement</c> it measures instead, on the
/// articles several annotators annotated, how far the annotators agree with one another and the extractor with each.
/// </summary>
public static class EvalAttributionCommand
{
    /// <param name="extractor">The extractor to evaluate; the rule-based <see cref="ClaimExtractor"/> when null (tests pass a fake).</param>
    /// <param name="isSpeechCue">Word test for the speech-cue subset; <see cref="CueLexicon.IsSpeechCue"/> when null.</param>
    public static Command Create(IClaimExtractor? extractor = null, Func<string, bool>? isSpeechCue = null)
    {
        var polnear = new Option<string>("--polnear")
        {
            Description = "PolNeAR split folder with text/ and attributions/ (e.g. ../shared/data/polnear/dev).",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N articles (by name)." };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
                r.AddError("--limit must be a positive number of articles.");
        });
        var errors = new Option<string?>("--errors")
        {
            Description = "Write a TSV of every error (missed, spurious, boundary, source, cue) for analysis.",
        };

        var pronounSample = new Option<int?>("--pronoun-sample")
        {
            Description = "Also print N randomly chosen resolved pronoun speakers with the text before them, for judging by hand.",
        };
        pronounSample.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
                r.AddError("--pronoun-sample must be a positive number of cases.");
        });
        var speechOnly = new Option<bool>("--speech-only")
        {
            Description = "Score only the claims the extractor classed as speech (CueClass.Speech), as the pipeline did before belief/attitude cues.",
        };
        var timing = new Option<bool>("--timing") { Description = "Also time claim extraction alone (best of 3 passes over the tokenized articles) and print words/s (wall and CPU) on stderr." };
        var cueStats = new Option<string?>("--cue-stats")
        {
            Description = "Also write per-word cue counts (word, gold cue tokens, all tokens, precision, our lexicon class) as TSV to FILE. Run it on the TRAIN split only.",
            HelpName = "FILE",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the pronoun sample.", DefaultValueFactory = _ => 1 };
        var extractorName = new Option<string>("--extractor")
        {
            Description = "hybrid-speech (the default, and what cnlp analyze runs: the rules plus learned claims with a speech cue and a tagged speaker whose content overlaps no rule claim), rules (ClaimExtractor alone), learned (the PolNeAR-trained tagger in --model alone), hybrid (rules plus any learned claim whose content overlaps no rule claim) or hybrid-speaker (hybrid adding only learned claims with a tagged speaker, any cue).",
            // The pipeline's extractor by default (round 30; "rules" before): the figures this prints are those of the claims users get.
            DefaultValueFactory = _ => "hybrid-speech",
        };
        extractorName.AcceptOnlyFromAmong("rules", "learned", "hybrid", "hybrid-speech", "hybrid-speaker");
        var agreement = new Option<bool>("--agreement")
        {
            Description = "Instead of the usual figures: on the articles of the split that several annotators annotated, score every annotator against every other one (one as gold, the other as prediction) and the extractor against each annotator, with the same metric. The human figure is the ceiling a content F1 target can be read against.",
        };
        var model = new Option<string>("--model") { Description = "Learned attribution model folder.", DefaultValueFactory = _ => Path.Combine("models", "attribution"), HelpName = "DIR" };

        var cmd = new Command("attribution", "Score claim extraction on PolNeAR attribution spans (content P/R/F1 at token IoU >= 0.5, source and cue accuracy).");
        cmd.Options.Add(polnear);
        cmd.Options.Add(json);
        cmd.Options.Add(limit);
        cmd.Options.Add(errors);
        cmd.Options.Add(pronounSample);
        cmd.Options.Add(seed);
        cmd.Options.Add(cueStats);
        cmd.Options.Add(timing);
        cmd.Options.Add(speechOnly);
        cmd.Options.Add(extractorName);
        cmd.Options.Add(model);
        cmd.Options.Add(agreement);
        cmd.Validators.Add(r =>
        {
            // The agreement mode reports no error list, pronoun sample, cue statistics or timing: asking for one is a mistake.
            if (r.GetValue(agreement) && (r.GetValue(errors) is not null || r.GetValue(pronounSample) is not null
                                          || r.GetValue(cueStats) is not null || r.GetValue(timing)))
                r.AddError("--agreement cannot be combined with --errors, --pronoun-sample, --cue-stats or --timing.");
        });
        cmd.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(polnear)!;
            if (!Directory.Exists(Path.Combine(dir, "attributions")))
            {
                stderr.WriteLine($"cnlp: '{dir}' is not a PolNeAR split: expected a folder '{Path.Combine(dir, "attributions")}' with .ann files (and text/ beside it).");
                return ExitCodes.BadUsage;
            }

            var diagnostics = new DiagnosticBag();
            diagnostics.Reported += d => stderr.WriteLine(d.ToString());
            IClaimExtractor claimExtractor;
            try { claimExtractor = extractor ?? Choose(parse.GetValue(extractorName)!, parse.GetValue(model)!); }
            catch (Scoring.ModelFormatException ex)
            {
                stderr.WriteLine($"cnlp: {ex.Message}");
                return ExitCodes.Failure;
            }
            if (parse.GetValue(speechOnly)) claimExtractor = new SpeechOnlyExtractor(claimExtractor);
            var evaluator = new AttributionEvaluator(claimExtractor, isSpeechCue: isSpeechCue ?? CueLexicon.IsSpeechCue);
            if (parse.GetValue(agreement))
                return Agreement(evaluator, PolNearReader.ReadAnnotators(dir, diagnostics, limit: parse.GetValue(limit)), diagnostics, parse.GetValue(json), stdout, stderr, dir);

            var split = PolNearReader.ReadSplit(dir, diagnostics, parse.GetValue(limit));
            var evaluation = evaluator.Evaluate(split, diagnostics);
            var report = evaluation.Report;

            if (parse.GetValue(errors) is { } errorPath)
                AttributionErrorLog.Write(errorPath, evaluation);

            if (parse.GetValue(cueStats) is { } cueStatsPath)
                File.WriteAllText(cueStatsPath, AttributionCueStats.ToTsv(AttributionCueStats.Compute(split, minCueTokens: 3)));

            if (parse.GetValue(json)) stdout.WriteLine(report.ToJson());
            else WriteTable(stdout, report, AttributionErrorLog.CountByKind(evaluation));

            if (parse.GetValue(timing))
            {
                // On stderr: a timing is not reproducible, so it stays out of the JSON and the table.
                var t = AttributionThroughput.Measure(claimExtractor, evaluation);
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"claim extraction: {t.WordsPerSecond:0} words/s ({t.Words} words, best of {t.Runs} passes: {t.BestSeconds * 1000:0.0} ms; {t.WordsPerCpuSecond:0} words per CPU second, {t.BestCpuSeconds * 1000:0.0} ms CPU)"));
            }

            if (parse.GetValue(pronounSample) is int n)
            {
                var cases = AttributionPronounSample.Take(evaluation, n, parse.GetValue(seed));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pronoun sample: {cases.Count} of {AttributionPronounSample.Population(evaluation)} resolved pronoun speakers, seed {parse.GetValue(seed)}"));
                int i = 0;
                foreach (var c in cases)
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"#{++i}\t{c.Article}@{c.Offset}\t{c.Pronoun} -> {c.ResolvedName}\t[{c.Cue}]\t...{c.Context}"));
            }

            if (report.AnySkipped)
            {
                stderr.WriteLine($"cnlp: {report.SkippedArticles} article(s) and {report.SkippedAttributions} attribution(s) skipped; see the diagnostics above.");
                return ExitCodes.FinishedWithSkips;
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// The named extractor. Its rules vet a lone word as "he"/"she" with the tagger and recogniser next to the attribution
    /// model (models/tagger, models/ner), as the pipeline does (<see cref="PersonNames"/>); without them every name may be one.
    /// </summary>
    private static IClaimExtractor Choose(string name, string modelDir)
    {
        // The learned extractor alone resolves no speaker with the rules' resolver, so it loads no recogniser.
        if (name == "learned") return new LearnedClaimExtractor(AttributionModel.Load(modelDir).Tagger);
        var rules = new ClaimExtractor(names: PersonNames.Load(Path.GetDirectoryName(Path.GetFullPath(modelDir))!));
        return name switch
        {
            "hybrid" => new HybridClaimExtractor(rules, new LearnedClaimExtractor(AttributionModel.Load(modelDir).Tagger)),
            "hybrid-speech" => new HybridClaimExtractor(rules, new LearnedClaimExtractor(AttributionModel.Load(modelDir).Tagger), speechOnly: true),
            "hybrid-speaker" => new HybridClaimExtractor(rules, new LearnedClaimExtractor(AttributionModel.Load(modelDir).Tagger), requireSpeaker: true),
            _ => rules,
        };
    }

    private static int Agreement(AttributionEvaluator evaluator, PolNearAnnotatedSplit split, DiagnosticBag diagnostics, bool json,
        TextWriter stdout, TextWriter stderr, string dir)
    {
        if (split.Articles.Count == 0)
        {
            stderr.WriteLine($"cnlp: no article in '{dir}' has annotations by two or more annotators (attributions/<article>_<annotator>.ann); nothing to compare.");
            return split.SkippedArticles > 0 ? ExitCodes.FinishedWithSkips : ExitCodes.Failure;
        }
        var report = evaluator.EvaluateAgreement(split, diagnostics);
        if (json) stdout.WriteLine(report.ToJson());
        else WriteAgreementTable(stdout, report);
        if (report.SkippedArticles > 0 || report.SkippedAttributions > 0)
        {
            stderr.WriteLine($"cnlp: {report.SkippedArticles} article(s) and {report.SkippedAttributions} attribution(s) skipped; see the diagnostics above.");
            return ExitCodes.FinishedWithSkips;
        }
        return ExitCodes.Ok;
    }

    private static void WriteAgreementTable(TextWriter writer, AttributionAgreementReport report)
    {
        var console = ConsoleFor(writer);
        var table = new Table().Title("PolNeAR annotator agreement").AddColumn("measure")
            .AddColumn(new TableColumn("annotator vs annotator").RightAligned())
            .AddColumn(new TableColumn("extractor vs annotator").RightAligned());
        void Row(string name, Func<AgreementSide, string> f) =>
            table.AddRow(Markup.Escape(name), Markup.Escape(f(report.Human)), Markup.Escape(f(report.Extractor)));
        Row("comparisons", s => s.Comparisons.ToString(CultureInfo.InvariantCulture));
        Row("content P / R (IoU>=0.5)", s => $"{Pct(s.All.Precision)} / {Pct(s.All.Recall)}");
        Row("content F1 (IoU>=0.5)", s => Pct(s.All.F1));
        Row("content F1 (IoU>=0.3)", s => Pct(s.All.LooseF1));
        Row("content F1 (exact)", s => Pct(s.All.ExactF1));
        Row("content F1 (exact, normalized)", s => Pct(s.All.CoreExactF1));
        Row("source accuracy (matched, gold has source)", s => $"{Pct(s.All.SourceAccuracy)} ({s.All.SourceCorrect}/{s.All.SourceEvaluated})");
        Row("cue accuracy (matched)", s => $"{Pct(s.All.CueAccuracy)} ({s.All.CueCorrect}/{s.All.Matched})");
        Row("speech cues: content F1 (IoU>=0.5)", s => s.SpeechCues is { } c ? Pct(c.F1) : "-");
        console.Write(table);
        // Plain lines, not a table: article names are long, and a table at the console's width would wrap them.
        writer.WriteLine("article\tannotators\tgold (all annotators)\tF1 annotators\tF1 extractor");
        foreach (var a in report.PerArticle)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a.Name}\t{a.Annotators}\t{a.Gold}\t{Pct(a.HumanF1)}\t{Pct(a.ExtractorF1)}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles {report.Articles} with {report.Annotations} annotations, skipped articles {report.SkippedArticles}, skipped attributions {report.SkippedAttributions}"));
    }

    private static IAnsiConsole ConsoleFor(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        // Colour codes only for a real terminal; redirected output and tests get plain text.
        Ansi = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        Interactive = InteractionSupport.No,
    });

    private static void WriteTable(TextWriter writer, AttributionReport report, IReadOnlyList<KeyValuePair<string, int>> errors)
    {
        var console = ConsoleFor(writer);
        var table = new Table().Title("PolNeAR attribution").AddColumn("measure").AddColumn(new TableColumn("all").RightAligned());
        if (report.SpeechCues is not null) table.AddColumn(new TableColumn("speech cues").RightAligned());
        void Row(string name, Func<AttributionCounts, string> f)
        {
            var cells = new List<string> { name, f(report.All) };
            if (report.SpeechCues is { } s) cells.Add(f(s));
            table.AddRow(cells.Select(c => Markup.Escape(c)).ToArray());
        }
        Row("content precision (IoU>=0.5)", c => Pct(c.Precision));
        Row("content recall (IoU>=0.5)", c => Pct(c.Recall));
        Row("content F1 (IoU>=0.5)", c => Pct(c.F1));
        Row("content P / R / F1 (IoU>=0.3)", c => $"{Pct(c.LoosePrecision)} / {Pct(c.LooseRecall)} / {Pct(c.LooseF1)}");
        Row("content P / R / F1 (exact)", c => $"{Pct(c.ExactPrecision)} / {Pct(c.ExactRecall)} / {Pct(c.ExactF1)}");
        Row("content P / R / F1 (exact, normalized)", c => $"{Pct(c.CoreExactPrecision)} / {Pct(c.CoreExactRecall)} / {Pct(c.CoreExactF1)}");
        Row("source accuracy (matched, gold has source)", c => $"{Pct(c.SourceAccuracy)} ({c.SourceCorrect}/{c.SourceEvaluated})");
        Row("cue accuracy (matched)", c => $"{Pct(c.CueAccuracy)} ({c.CueCorrect}/{c.Matched})");
        Row("gold / predicted / matched", c => $"{c.Gold} / {c.Predicted} / {c.Matched}");
        console.Write(table);
        var a = report.Alignment;
        // Plain lines go straight to the writer so they never wrap at the console width.
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles {report.Articles}, skipped articles {report.SkippedArticles}, skipped attributions {report.SkippedAttributions}, trigger-only events {report.RolelessEvents}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gold spans checked {a.SpansChecked}, misaligned {a.SpansMisaligned}; fragments on token boundaries {a.TokenAligned}/{a.Fragments}"));
        writer.WriteLine("errors: " + string.Join(", ", errors.Select(e => $"{e.Key} {e.Value.ToString(CultureInfo.InvariantCulture)}")) + " (--errors FILE lists them)");
    }

    private static string Pct(double x) => (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
