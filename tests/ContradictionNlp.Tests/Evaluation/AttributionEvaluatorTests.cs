using System.CommandLine;
using ContradictionNlp.Claims;
using ContradictionNlp.Cli.Commands;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Tests.Evaluation;

/// <summary>
/// Stands in for the rule-based extractor: "predicts" fixed (speaker, cue, content) strings,
/// located by their first occurrence in the article text ("" = empty span).
/// </summary>
internal sealed class FakeExtractor(params (string Speaker, string Cue, string Content)[] claims) : IClaimExtractor
{
    public List<Article> Seen { get; } = [];

    public IReadOnlyList<Claim> Extract(Article article, TokenizedText text, DiagnosticBag diagnostics)
    {
        Seen.Add(article);
        return claims.Select(c =>
        {
            var content = Find(article.Text, c.Content);
            var speaker = Find(article.Text, c.Speaker);
            var cue = Find(article.Text, c.Cue);
            return new Claim(Claim.MakeId(article.Id, content), article.Id, 0, new TextSpan(0, 0),
                new SpeakerMention(speaker, c.Speaker, MentionKind.Name, c.Speaker, []),
                cue, c.Cue, content, c.Content, ClaimKind.ReportedSpeech, null);
        }).ToArray();
    }

    private static TextSpan Find(string text, string s)
    {
        if (s.Length == 0) return new TextSpan(0, 0);
        int i = text.IndexOf(s, StringComparison.Ordinal);
        if (i < 0) throw new InvalidOperationException($"test setup: '{s}' not in text");
        return new TextSpan(i, i + s.Length);
    }
}

public class AttributionEvaluatorTests
{
    internal static string Data(params string[] parts) => TestPaths.Repo(["tests", "ContradictionNlp.Tests", "TestData", "PolNear", .. parts]);

    // Gold in good/alpha_a111.ann:
    //  E1 Mayor Jane Ortiz | said | the bridge would open in May
    //  E2 The council | denied | that funds were missing
    //  E3 she | told | We will not raise taxes
    //  E4 (no source) | was reported | that the tunnel is unsafe
    //  E5 Officials | added | repairs start soon
    internal static FakeExtractor Predictions() => new(
        ("Jane Ortiz", "said", "the bridge would open in May"),      // exact; source and cue right
        ("council", "denied", "funds were missing"),                 // IoU 3/4; right
        ("reporters", "told", "We will not raise taxes"),            // exact; source wrong
        ("Officials", "tunnel", "the tunnel is unsafe"),             // IoU 4/5 with E4 (no gold source); cue wrong
        ("Council", "vote", "Council delays vote on bridge"));       // spurious; E5 missed

    internal static readonly HashSet<string> SpeechWords = new(StringComparer.OrdinalIgnoreCase) { "said", "denied", "told", "added" };

    [Fact]
    public void Runner_scores_a_fake_extractor_with_exact_figures()
    {
        var bag = new DiagnosticBag();
        var split = PolNearReader.ReadSplit(Data("good"), bag);
        var fake = Predictions();
        var eval = new AttributionEvaluator(fake, isSpeechCue: SpeechWords.Contains).Evaluate(split, bag);
        var r = eval.Report;
        var c = r.All;

        Assert.Equal((5, 5, 4, 2), (c.Gold, c.Predicted, c.Matched, c.ExactMatched));
        Assert.Equal((0.8, 0.8, 0.8), (c.Precision, c.Recall, Math.Round(c.F1, 12)));
        Assert.Equal((0.4, 0.4), (c.ExactPrecision, c.ExactRecall));
        Assert.Equal((3, 2, 1), (c.SourceEvaluated, c.SourceCorrect, c.MatchedWithoutGoldSource));
        Assert.Equal(0.75, c.CueAccuracy);

        // Speech subset: E1 E2 E3 E5 ("was reported" is not in the word list).
        var s = r.SpeechCues!.Value;
        Assert.Equal((4, 4, 3), (s.Gold, s.Predicted, s.Matched));
        Assert.Equal((0.75, 0.75), (s.Precision, s.Recall));
        Assert.Equal((0.4, 0.5), (s.ExactPrecision, s.ExactRecall));
        Assert.Equal(1.0, s.CueAccuracy);

        // The article handed to the extractor: headline as title, no metadata, text path as origin.
        var article = Assert.Single(fake.Seen);
        Assert.Equal("Council delays vote on bridge", article.Title);
        Assert.Null(article.Date);
        Assert.Equal(split.Articles[0].TextPath, article.Origin);
        Assert.Equal(Article.ComputeId(split.Articles[0].Text), article.Id);

        Assert.Equal((1, 0, 0, 0), (r.Articles, r.SkippedArticles, r.SkippedAttributions, r.RolelessEvents));
        Assert.Equal(new SpanAlignment(19, 0, 19, 19), r.Alignment);
        Assert.False(r.AnySkipped);
    }

    [Fact]
    public void Json_has_the_documented_keys_in_order()
    {
        var split = PolNearReader.ReadSplit(Data("good"), new DiagnosticBag());
        var r = new AttributionEvaluator(Predictions(), isSpeechCue: SpeechWords.Contains).Evaluate(split, new DiagnosticBag()).Report;
        Assert.Equal(
            "{\"content\":{\"precision\":0.8,\"recall\":0.8,\"f1\":0.8}," +
            // Loose (IoU >= 0.3): no prediction overlaps its gold between 0.3 and 0.5, so the same 4 of 5.
            "\"content_loose\":{\"precision\":0.8,\"recall\":0.8,\"f1\":0.8}," +
            "\"content_exact\":{\"precision\":0.4,\"recall\":0.4,\"f1\":0.4}," +
            // Normalized: E2 and E4 differ from the gold only by a leading "that", so 4 of 5 match.
            "\"content_exact_normalized\":{\"precision\":0.8,\"recall\":0.8,\"f1\":0.8}," +
            "\"source_accuracy\":0.6667,\"cue_accuracy\":0.75,\"articles\":1,\"gold\":5,\"predicted\":5," +
            "\"speech_cues\":{\"content\":{\"precision\":0.75,\"recall\":0.75,\"f1\":0.75},\"content_loose\":{\"precision\":0.75,\"recall\":0.75,\"f1\":0.75},\"content_exact\":{\"precision\":0.4,\"recall\":0.5,\"f1\":0.4444}," +
            "\"content_exact_normalized\":{\"precision\":0.75,\"recall\":0.75,\"f1\":0.75}," +
            "\"source_accuracy\":0.6667,\"cue_accuracy\":1,\"gold\":4,\"predicted\":4}," +
            "\"skipped\":{\"articles\":0,\"attributions\":0}," +
            "\"alignment\":{\"spans_checked\":19,\"spans_misaligned\":0,\"fragments\":19,\"token_aligned\":19}," +
            "\"counts\":{\"matched\":4,\"exact_matched\":2,\"source_evaluated\":3,\"matched_without_gold_source\":1,\"roleless_events\":0}}",
            r.ToJson());
    }

    [Fact]
    public void Error_log_classifies_missed_spurious_partial_source_and_cue()
    {
        var split = PolNearReader.ReadSplit(Data("good"), new DiagnosticBag());
        var eval = new AttributionEvaluator(Predictions()).Evaluate(split, new DiagnosticBag());
        var kinds = AttributionErrorLog.Classify(eval.Articles[0])
            .Select(e => (e.Kind, e.GoldIndex, e.PredictedIndex)).ToArray();
        Assert.Equal(
            [("missed", 4, -1), ("spurious", -1, 4), ("partial", 1, 1), ("source", 2, 2), ("partial", 3, 3), ("cue", 3, 3)],
            kinds);

        var path = Path.Combine(Path.GetTempPath(), $"attr-errors-{Guid.NewGuid():N}.tsv");
        try
        {
            AttributionErrorLog.Write(path, eval);
            var lines = File.ReadAllLines(path);
            Assert.Equal(7, lines.Length);
            Assert.Equal("missed\talpha\t24\t0\tOfficials\tadded\trepairs start soon\t\t\t", lines[1]);
            Assert.Equal("source\talpha\t15\t1\tshe\ttold\tWe will not raise taxes\treporters\ttold\tWe will not raise taxes", lines[4]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Boundary_error_is_a_gold_whose_overlapping_prediction_stayed_below_half()
    {
        var split = PolNearReader.ReadSplit(Data("good"), new DiagnosticBag());
        // "soon" alone: IoU 1/3 with E5's "repairs start soon".
        var eval = new AttributionEvaluator(new FakeExtractor(("Officials", "added", "soon"))).Evaluate(split, new DiagnosticBag());
        var errors = AttributionErrorLog.Classify(eval.Articles[0]).ToArray();
        var b = Assert.Single(errors, e => e.Kind == "boundary");
        Assert.Equal((4, 0), (b.GoldIndex, b.PredictedIndex));
        Assert.Equal(1.0 / 3, b.Iou, 12);
        Assert.DoesNotContain(errors, e => e.Kind == "spurious");
        Assert.Equal(4, errors.Count(e => e.Kind == "missed"));
    }

    internal static (int Code, string Out, string Err) RunCli(IClaimExtractor extractor, params string[] args)
    {
        var root = new RootCommand();
        var eval = new Command("eval");
        root.Subcommands.Add(eval);
        eval.Subcommands.Add(EvalAttributionCommand.Create(extractor, SpeechWords.Contains));
        var parse = root.Parse(["eval", "attribution", .. args]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        if (parse.Errors.Count > 0) return (2, "", string.Join("\n", parse.Errors.Select(e => e.Message)));
        int code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Cli_json_prints_one_object_and_exits_0()
    {
        var (code, stdout, stderr) = RunCli(Predictions(), "--polnear", Data("good"), "--json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("{\"content\":{\"precision\":0.8,", stdout);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Cli_table_is_plain_text_for_people()
    {
        var (code, stdout, _) = RunCli(Predictions(), "--polnear", Data("good"));
        Assert.Equal(0, code);
        Assert.Contains("content F1 (IoU>=0.5)", stdout);
        Assert.Contains("80.0%", stdout);
        Assert.Contains("66.7% (2/3)", stdout);
        Assert.Contains("errors: missed 1, boundary 0, spurious 1, partial 2, source 1, cue 1 (--errors FILE lists them)", stdout);
        Assert.DoesNotContain("\u001b[", stdout);
    }

    [Fact]
    public void Cli_reports_skips_on_stderr_and_exits_3()
    {
        var (code, stdout, stderr) = RunCli(new FakeExtractor(), "--polnear", Data("bad"), "--json");
        Assert.Equal(3, code);
        Assert.Contains("\"skipped\":{\"articles\":1,\"attributions\":4}", stdout);
        Assert.Contains("beta_x1.ann:13 (offsets): warning: T9:", stderr);
        Assert.Contains("gamma_x1.ann (text): error: no article text", stderr);
        Assert.EndsWith("1 article(s) and 4 attribution(s) skipped; see the diagnostics above." + Environment.NewLine, stderr);
    }

    [Fact]
    public void Cli_bad_usage_exits_2()
    {
        var missing = RunCli(new FakeExtractor(), "--polnear", Data("no-such-split"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("is not a PolNeAR split", missing.Err);
        Assert.Equal(2, RunCli(new FakeExtractor(), "--polnear", Data("good"), "--limit", "0").Code);
        Assert.Equal(2, RunCli(new FakeExtractor()).Code); // --polnear is required
    }

    [Fact]
    public void Cli_agreement_prints_both_sides_and_refuses_what_it_does_not_report()
    {
        var (code, stdout, stderr) = RunCli(Predictions(), "--polnear", Data("good"), "--agreement");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("annotator vs annotator", stdout);
        Assert.Contains("33.3%", stdout);   // annotators' content F1
        Assert.Contains("62.5%", stdout);   // the extractor's
        Assert.Contains("alpha\t2\t6\t33.3%\t62.5%", stdout);

        var json = RunCli(Predictions(), "--polnear", Data("good"), "--agreement", "--json");
        Assert.Equal(0, json.Code);
        Assert.Single(json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var combined = RunCli(Predictions(), "--polnear", Data("good"), "--agreement", "--errors", "x.tsv");
        Assert.Equal(2, combined.Code);
        Assert.Contains("--agreement cannot be combined with --errors", combined.Err);

        // No article of the bad split has two annotators: nothing to compare is a failure, said on stderr.
        var none = RunCli(new FakeExtractor(), "--polnear", Data("bad"), "--agreement");
        Assert.Equal(1, none.Code);
        Assert.Contains("has annotations by two or more annotators", none.Err);
    }
}
