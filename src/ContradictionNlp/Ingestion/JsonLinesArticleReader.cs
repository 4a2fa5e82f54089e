using System.Text.Json;
using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// One article per line: {"id", "title", "date", "source", "author", "text"}; only "text" is
/// required. A bad line is reported with its line number and field and the other lines go on.
/// The "id" field is kept as <see cref="Article.SourceId"/>; <see cref="Article.Id"/> stays the
/// content hash so the same story from two feeds is still one article.
/// </summary>
/// <remarks>
/// Wrong types in optional fields (e.g. a number as title) and unreadable dates are warnings: the
/// field is ignored and the article is kept, since the text is what later stages need. A missing,
/// non-string or empty "text" skips the line. Numeric ids are accepted as their JSON text.
/// </remarks>
public sealed class JsonLinesArticleReader(IngestionOptions? options = null) : ArticleReaderBase(options)
{
    public override IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson"];

    public override IEnumerable<Article> ReadText(string text, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var article = ReadLine(line, origin, lineNumber, diagnostics);
            if (article is not null) yield return article;
        }
    }

    private static Article? ReadLine(string line, string origin, int lineNumber, DiagnosticBag diagnostics)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            // A line cut off mid-object (an interrupted export) fails at or past its last byte;
            // saying "truncated" there is more useful than a position.
            var lineBytes = System.Text.Encoding.UTF8.GetByteCount(line.TrimEnd());
            var message = ex.BytePositionInLine is { } p && p < lineBytes
                ? $"malformed JSON at byte {p + 1}: expected one complete JSON object per line"
                : "truncated JSON (the line ends inside the object): expected one complete JSON object per line";
            diagnostics.Error(origin, message, lineNumber);
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(origin, $"expected a JSON object, found {Kind(root.ValueKind)}", lineNumber);
                return null;
            }
            if (!root.TryGetProperty("text", out var textElement))
            {
                diagnostics.Error(origin, "missing required field: expected a string with the article text", lineNumber, "text");
                return null;
            }
            if (textElement.ValueKind != JsonValueKind.String)
            {
                diagnostics.Error(origin, $"expected a string, found {Kind(textElement.ValueKind)}", lineNumber, "text");
                return null;
            }
            if (GetStringOrReport(textElement, "text", origin, lineNumber, diagnostics, DiagnosticSeverity.Error) is not { } rawBody) return null;
            var body = InputDecoding.NormalizeLineEndings(rawBody).Trim();
            if (body.Length == 0)
            {
                diagnostics.Error(origin, "empty article text: expected at least one sentence", lineNumber, "text");
                return null;
            }

            var title = OptionalString(root, "title", origin, lineNumber, diagnostics);
            var source = OptionalString(root, "source", origin, lineNumber, diagnostics);
            var author = OptionalString(root, "author", origin, lineNumber, diagnostics);
            var dateText = OptionalString(root, "date", origin, lineNumber, diagnostics);
            DateOnly? date = null;
            if (dateText is not null)
            {
                date = DateParsing.Parse(dateText);
                if (date is null)
                    diagnostics.Warning(origin, $"unrecognised date \"{dateText}\": expected e.g. 2023-11-16, November 16, 2023 or 16 Nov 2023", lineNumber, "date");
            }
            string? sourceId = null;
            if (root.TryGetProperty("id", out var id))
            {
                sourceId = id.ValueKind switch
                {
                    JsonValueKind.String => GetStringOrReport(id, "id", origin, lineNumber, diagnostics, DiagnosticSeverity.Warning),
                    JsonValueKind.Number => id.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => WrongType(id, "id", "a string or number", origin, lineNumber, diagnostics),
                };
            }

            var articleOrigin = $"{origin}:{lineNumber}";
            var resolvedTitle = string.IsNullOrWhiteSpace(title) ? ArticleTitles.FromBody(body, articleOrigin) : title.Trim();
            return Article.Create(resolvedTitle, date, source, author, body, articleOrigin) with { SourceId = sourceId };
        }
    }

    private static string? OptionalString(JsonElement root, string field, string origin, int line, DiagnosticBag diagnostics)
    {
        if (!root.TryGetProperty(field, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => GetStringOrReport(value, field, origin, line, diagnostics, DiagnosticSeverity.Warning) is { } s && s.Trim().Length > 0 ? s.Trim() : null,
            JsonValueKind.Null => null,
            _ => WrongType(value, field, "a string", origin, line, diagnostics),
        };
    }

    /// <summary>
    /// The string, or null with a diagnostic when it holds a "\ud800"-style escape without its
    /// surrogate pair: valid JSON syntax that .NET cannot turn into a string (GetString throws).
    /// </summary>
    private static string? GetStringOrReport(JsonElement value, string field, string origin, int line, DiagnosticBag diagnostics, DiagnosticSeverity severity)
    {
        try { return value.GetString(); }
        catch (InvalidOperationException)
        {
            var action = severity == DiagnosticSeverity.Error ? "line skipped" : "field ignored";
            diagnostics.Add(new Diagnostic(severity, origin,
                $"invalid \\u escape: a lone UTF-16 surrogate (\\ud800-\\udfff without its pair) is not text; {action}", line, field));
            return null;
        }
    }

    private static string? WrongType(JsonElement value, string field, string expected, string origin, int line, DiagnosticBag diagnostics)
    {
        diagnostics.Warning(origin, $"expected {expected}, found {Kind(value.ValueKind)}; field ignored", line, field);
        return null;
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
