using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// TEMPORARY stand-in (store branch) for the ingest engineer's loader, with the agreed signature, so
/// the pipeline and CLI run before the branches merge. On merge, take the ingest branch's file.
/// Handles just what data/samples uses: .txt with header lines, .jsonl, .html; "-" reads stdin.
/// </summary>
public static partial class ArticleLoader
{
    public static IEnumerable<Article> Load(IEnumerable<string> paths, DiagnosticBag diagnostics, Func<Stream>? stdin = null)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (stdin is null) { diagnostics.Error("-", "stdin was named but none is available"); continue; }
                using var reader = new StreamReader(stdin());
                foreach (var a in ReadTxt(reader.ReadToEnd(), "-", diagnostics)) yield return a;
                continue;
            }
            IEnumerable<string> files;
            if (Directory.Exists(path))
                files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extension(f) is ".txt" or ".jsonl" or ".html" or ".htm")
                    .Order(StringComparer.Ordinal).ToList();
            else if (File.Exists(path)) files = [path];
            else { diagnostics.Error(path, "no such file or directory"); continue; }

            foreach (var file in files)
            {
                var content = File.ReadAllText(file);
                var articles = Extension(file) switch
                {
                    ".txt" => ReadTxt(content, file, diagnostics),
                    ".jsonl" => ReadJsonl(content, file, diagnostics),
                    ".html" or ".htm" => ReadHtml(content, file, diagnostics),
                    var ext => Unsupported(file, ext, diagnostics),
                };
                foreach (var a in articles) yield return a;
            }
        }
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();

    private static IEnumerable<Article> Unsupported(string file, string ext, DiagnosticBag diagnostics)
    {
        diagnostics.Error(file, $"unsupported file type '{ext}' (expected .txt, .jsonl or .html)");
        return [];
    }

    [GeneratedRegex(@"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoDateLine();

    [GeneratedRegex(@"^\s*Written by\s+(.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BylineLine();

    [GeneratedRegex(@"^\s*Source:\s*(.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();

    private static IEnumerable<Article> ReadTxt(string content, string origin, DiagnosticBag diagnostics)
    {
        // Title = first non-blank line; then header lines (date, byline, source) until the first
        // line that is none of those; the rest is the body.
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int i = 0;
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        if (i == lines.Length) { diagnostics.Error(origin, "empty file"); return []; }
        var title = lines[i++].Trim();
        DateOnly? date = null;
        string? author = null, source = null;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            if (IsoDateLine().Match(line) is { Success: true } m) date = DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            else if (DateOnly.TryParseExact(line.Trim(), "MMMM d, yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else if (BylineLine().Match(line) is { Success: true } b) author = b.Groups[1].Value;
            else if (SourceLine().Match(line) is { Success: true } s) source = s.Groups[1].Value;
            else break;
        }
        var body = string.Join("\n", lines[i..]).Trim();
        if (body.Length == 0) { diagnostics.Error(origin, "no body text after the header lines", field: "text"); return []; }
        if (date is null) diagnostics.Warning(origin, "no date line found", field: "date");
        return [Article.Create(title, date, source, author, body, origin)];
    }

    private static IEnumerable<Article> ReadJsonl(string content, string origin, DiagnosticBag diagnostics)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<Article>();
        for (int n = 0; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(lines[n]);
                var root = doc.RootElement;
                string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var text = Get("text");
                if (string.IsNullOrWhiteSpace(text)) { diagnostics.Error(origin, "missing or empty text", n + 1, "text"); continue; }
                DateOnly? date = DateOnly.TryParseExact(Get("date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                result.Add(Article.Create(Get("title") ?? "", date, Get("source"), Get("author"), text.Trim(), $"{origin}:{n + 1}"));
            }
            catch (JsonException ex)
            {
                diagnostics.Error(origin, $"not valid JSON: {ex.Message}", n + 1);
            }
        }
        return result;
    }

    private static IEnumerable<Article> ReadHtml(string content, string origin, DiagnosticBag diagnostics)
    {
        var doc = new HtmlParser().ParseDocument(content);
        var title = doc.QuerySelector("h1")?.TextContent.Trim() ?? doc.Title ?? "";
        var dateText = doc.QuerySelector("time[datetime]")?.GetAttribute("datetime")
                       ?? doc.QuerySelector("meta[name=date]")?.GetAttribute("content");
        DateOnly? date = DateOnly.TryParseExact(dateText ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var author = doc.QuerySelector("meta[name=author]")?.GetAttribute("content");
        var source = doc.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content");
        var body = string.Join("\n\n", doc.QuerySelectorAll("article p, main p").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0));
        if (body.Length == 0) { diagnostics.Error(origin, "no paragraphs found in <article> or <main>", field: "text"); return []; }
        return [Article.Create(title, date, source, author, body, origin)];
    }
}
