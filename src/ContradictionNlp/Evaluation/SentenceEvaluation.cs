using System.Text;
using System.Text.Json;
using ContradictionNlp.Text;
using ContradictionNlp.Tokenization;

namespace ContradictionNlp.Evaluation;

/// <summary>One sentence-splitting case: an input and the sentences expected from it.</summary>
/// <param name="DocType">"pdf" when single line breaks inside sentences are errant wrapping; otherwise null.</param>
/// <param name="Clean">False when the reference segmenter ran with its text cleaner off (kept for reporting).</param>
public sealed record SentenceCase(string Id, string Group, string Name, string? DocType, bool Clean, string Input, IReadOnlyList<string> Expected)
{
    public bool IsGolden => Group == SentenceEvaluation.GoldenGroup;
}

/// <summary>The outcome of one case: passed when the sentences match after whitespace is collapsed.</summary>
public sealed record SentenceCaseResult(SentenceCase Case, bool Passed, IReadOnlyList<string> Actual);

public readonly record struct PassCount(int Passed, int Total)
{
    public double Rate => Total == 0 ? 0 : (double)Passed / Total;
}

/// <summary>Pass counts for the golden rules and for all cases, with every case's result in file order.</summary>
public sealed record SentenceEvaluationReport(PassCount Golden, PassCount All, IReadOnlyList<SentenceCaseResult> Results)
{
    public IEnumerable<SentenceCaseResult> Failures => Results.Where(r => !r.Passed);

    /// <summary>The machine-readable summary: <c>{"golden":{"passed":N,"total":52},"all":{"passed":N,"total":181}}</c>.</summary>
    public string ToJson() =>
        $"{{\"golden\":{{\"passed\":{Golden.Passed},\"total\":{Golden.Total}}},\"all\":{{\"passed\":{All.Passed},\"total\":{All.Total}}}}}";
}

/// <summary>
/// Scores a sentence splitter on segmentation cases in the format of
/// <c>pragmatic-segmenter-golden-rules/english_segmentation_cases.json</c> (see its SOURCE.md).
/// </summary>
public static class SentenceEvaluation
{
    public const string GoldenGroup = "Golden Rules";

    /// <summary>Reads a cases file. Data problems are reported to <paramref name="diagnostics"/>; a bad case is skipped.</summary>
    public static IReadOnlyList<SentenceCase> LoadCases(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(path, $"cannot read the cases file: {ex.Message}");
            return [];
        }
        return ParseCases(json, path, diagnostics);
    }

    /// <summary>Parses the JSON array of cases; <paramref name="origin"/> names the source in diagnostics.</summary>
    public static IReadOnlyList<SentenceCase> ParseCases(string json, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            int? line = ex.LineNumber is long l ? (int)l + 1 : null;
            diagnostics.Error(origin, $"not valid JSON: {ex.Message}", line);
            return [];
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Error(origin, $"expected a JSON array of cases at the top level, found {doc.RootElement.ValueKind}");
                return [];
            }
            var cases = new List<SentenceCase>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                index++;
                var parsed = ParseCase(item, index, origin, diagnostics);
                if (parsed is null) continue;
                if (!seen.Add(parsed.Id))
                    diagnostics.Warning(origin, $"case #{index}: duplicate id '{parsed.Id}' (both are scored)", field: "id");
                cases.Add(parsed);
            }
            return cases;
        }
    }

    private static SentenceCase? ParseCase(JsonElement item, int index, string origin, DiagnosticBag diagnostics)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(origin, $"case #{index}: expected an object, found {item.ValueKind}; case skipped");
            return null;
        }
        string where = item.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String
            ? $"case #{index} ('{idEl.GetString()}')"
            : $"case #{index}";

        string? Text(string field, bool required)
        {
            if (!item.TryGetProperty(field, out var el) || el.ValueKind == JsonValueKind.Null)
            {
                if (required) diagnostics.Error(origin, $"{where}: missing field '{field}' (expected a string); case skipped", field: field);
                return null;
            }
            if (el.ValueKind == JsonValueKind.String) return el.GetString();
            diagnostics.Error(origin, $"{where}: field '{field}' must be a string, found {el.ValueKind}; case skipped", field: field);
            return null;
        }

        string? id = Text("id", true);
        string? input = Text("input", true);
        if (id is null || input is null) return null;
        string group = Text("group", false) ?? "";
        string name = Text("name", false) ?? "";
        string? docType = Text("doc_type", false);
        bool clean = !item.TryGetProperty("clean", out var cleanEl) || cleanEl.ValueKind != JsonValueKind.False;

        if (!item.TryGetProperty("expected", out var expEl) || expEl.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Error(origin, $"{where}: field 'expected' must be an array of strings; case skipped", field: "expected");
            return null;
        }
        var expected = new List<string>();
        foreach (var s in expEl.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.String)
            {
                diagnostics.Error(origin, $"{where}: field 'expected' must hold only strings, found {s.ValueKind}; case skipped", field: "expected");
                return null;
            }
            expected.Add(s.GetString()!);
        }
        return new SentenceCase(id, group, name, docType, clean, input, expected);
    }

    /// <summary>
    /// Runs every case. By default a case with <c>doc_type</c> "pdf" uses <see cref="SentenceSplitterOptions.Pdf"/>
    /// and every other case the defaults; pass <paramref name="splitterFor"/> to score another splitter.
    /// </summary>
    public static SentenceEvaluationReport Evaluate(IReadOnlyList<SentenceCase> cases, Func<SentenceCase, ISentenceSplitter>? splitterFor = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var plain = new SentenceSplitter();
        var pdf = new SentenceSplitter(SentenceSplitterOptions.Pdf);
        splitterFor ??= c => string.Equals(c.DocType, "pdf", StringComparison.OrdinalIgnoreCase) ? pdf : plain;

        var results = new List<SentenceCaseResult>(cases.Count);
        int golden = 0, goldenPassed = 0, passed = 0;
        foreach (var c in cases)
        {
            var spans = splitterFor(c).Split(c.Input);
            var actual = spans.Select(s => CollapseWhitespace(s.Slice(c.Input))).ToArray();
            bool ok = actual.SequenceEqual(c.Expected.Select(e => CollapseWhitespace(e)), StringComparer.Ordinal);
            results.Add(new SentenceCaseResult(c, ok, actual));
            if (ok) passed++;
            if (c.IsGolden)
            {
                golden++;
                if (ok) goldenPassed++;
            }
        }
        return new SentenceEvaluationReport(new PassCount(goldenPassed, golden), new PassCount(passed, cases.Count), results);
    }

    /// <summary>Trims and turns every run of whitespace into one space — the comparison the cases file asks for.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
