using ContradictionNlp.Cli;
using ContradictionNlp.Evaluation;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Evaluation;

public class SentenceEvaluationTests
{
    private static string CasesFile => TestPaths.SharedData("pragmatic-segmenter-golden-rules", "english_segmentation_cases.json");

    [Fact]
    public void Golden_rule_file_meets_the_targets()
    {
        if (!File.Exists(CasesFile)) return; // ../shared absent (e.g. CI without data): nothing to measure
        var diagnostics = new DiagnosticBag();
        var cases = SentenceEvaluation.LoadCases(CasesFile, diagnostics);
        Assert.Empty(diagnostics);
        var report = SentenceEvaluation.Evaluate(cases);
        Assert.Equal(52, report.Golden.Total);
        Assert.Equal(181, report.All.Total);
        Assert.True(report.Golden.Passed >= 48, $"golden rules passed {report.Golden.Passed}/52, target 48; failing: {string.Join(", ", report.Failures.Where(f => f.Case.IsGolden).Select(f => f.Case.Id))}");
        Assert.True(report.All.Passed >= 150, $"all cases passed {report.All.Passed}/181, target 150");
    }

    private const string TwoCases = """
        [
          {"id": "g1", "group": "Golden Rules", "name": "simple", "doc_type": null, "clean": true,
           "input": "Hello World. My name is Jonas.", "expected": ["Hello World.", "My name is Jonas."]},
          {"id": "s1", "group": "#segment", "name": "pdf", "doc_type": "pdf", "clean": true,
           "input": "This is a sentence\ncut off.", "expected": ["This is a sentence cut off."]},
          {"id": "s2", "group": "#segment", "name": "wrong on purpose", "doc_type": null, "clean": false,
           "input": "One. Two.", "expected": ["One. Two."]}
        ]
        """;

    [Fact]
    public void Counts_passes_per_group_and_compares_after_collapsing_whitespace()
    {
        var diagnostics = new DiagnosticBag();
        var cases = SentenceEvaluation.ParseCases(TwoCases, "mem", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(3, cases.Count);
        Assert.Equal("pdf", cases[1].DocType);
        Assert.False(cases[2].Clean);
        var report = SentenceEvaluation.Evaluate(cases);
        Assert.Equal(new PassCount(1, 1), report.Golden);
        Assert.Equal(new PassCount(2, 3), report.All);
        var failure = Assert.Single(report.Failures);
        Assert.Equal("s2", failure.Case.Id);
        Assert.Equal(new[] { "One.", "Two." }, failure.Actual);
        Assert.Equal("{\"golden\":{\"passed\":1,\"total\":1},\"all\":{\"passed\":2,\"total\":3}}", report.ToJson());
    }

    [Theory]
    [InlineData("  a \n\t b  ", "a b")]
    [InlineData("", "")]
    [InlineData("x", "x")]
    public void Collapse_whitespace(string input, string expected) =>
        Assert.Equal(expected, SentenceEvaluation.CollapseWhitespace(input));

    [Fact]
    public void Bad_json_is_a_diagnostic_with_the_line()
    {
        var diagnostics = new DiagnosticBag();
        var cases = SentenceEvaluation.ParseCases("[\n{\"id\": \"a\",\n oops }\n]", "bad.json", diagnostics);
        Assert.Empty(cases);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(3, d.Line);
        Assert.StartsWith("bad.json:3: error: not valid JSON", d.ToString());
    }

    [Fact]
    public void A_case_with_a_bad_field_is_skipped_and_named()
    {
        var diagnostics = new DiagnosticBag();
        var cases = SentenceEvaluation.ParseCases(
            """[{"id": "x1", "input": "A.", "expected": "A."}, {"id": "x2", "input": "B.", "expected": ["B."]}, {"input": "C."}]""",
            "f.json", diagnostics);
        Assert.Equal("x2", Assert.Single(cases).Id);
        Assert.Equal(
            new[]
            {
                "f.json (expected): error: case #1 ('x1'): field 'expected' must be an array of strings; case skipped",
                "f.json (id): error: case #3: missing field 'id' (expected a string); case skipped",
            },
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Top_level_must_be_an_array()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Empty(SentenceEvaluation.ParseCases("{}", "o.json", diagnostics));
        Assert.Equal("o.json: error: expected a JSON array of cases at the top level, found Object", Assert.Single(diagnostics).ToString());
    }
}

public class EvalSentencesCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CnlpApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_output_is_exactly_the_summary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnlp-cases-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """[{"id":"g","group":"Golden Rules","input":"Hi there. Bye.","expected":["Hi there.","Bye."]}]""");
        try
        {
            var (code, output, err) = Run("eval", "sentences", "--cases", path, "--json");
            Assert.Equal(0, code);
            Assert.Equal("", err);
            Assert.Equal("{\"golden\":{\"passed\":1,\"total\":1},\"all\":{\"passed\":1,\"total\":1}}", output.Trim());

            var (tableCode, table, _) = Run("eval", "sentences", "--cases", path);
            Assert.Equal(0, tableCode);
            Assert.Contains("golden rules", table);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_is_bad_usage_and_garbage_is_failure()
    {
        var (code, _, err) = Run("eval", "sentences", "--cases", "/nonexistent/cases.json");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("cases file not found", err);

        var path = Path.Combine(Path.GetTempPath(), $"cnlp-cases-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "not json");
        try
        {
            var (badCode, _, badErr) = Run("eval", "sentences", "--cases", path);
            Assert.Equal(ExitCodes.Failure, badCode);
            Assert.Contains("not valid JSON", badErr);
            Assert.Contains("no usable cases", badErr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_option_is_bad_usage()
    {
        var (code, _, err) = Run("eval", "sentences");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("--cases", err);
    }
}
