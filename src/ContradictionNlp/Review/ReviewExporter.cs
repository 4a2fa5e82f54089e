using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ContradictionNlp.Scoring;
using ContradictionNlp.Store;

namespace ContradictionNlp.Review;

/// <summary>The formats <see cref="ReviewExporter"/> writes.</summary>
public enum ExportFormat { Csv, Jsonl, Html }

/// <summary>
/// Writes pairs with their verdicts for sharing: CSV (one row per pair, for spreadsheets), JSON
/// Lines (one object per pair, for programs) or one self-contained HTML report grouped by speaker.
/// All article text is escaped for the target format.
/// </summary>
public static class ReviewExporter
{
    public static readonly string[] CsvHeader =
    [
        "pair_id", "speaker", "score", "verdict", "reviewer", "reviewed_at",
        "date_a", "claim_a", "title_a", "source_a", "date_b", "claim_b", "title_b", "source_b", "reasons",
    ];

    public static void Write(TextWriter w, ExportFormat format, IReadOnlyList<ReviewItem> items, Func<string, StoredArticle?> article)
    {
        switch (format)
        {
            case ExportFormat.Csv: WriteCsv(w, items, article); break;
            case ExportFormat.Jsonl: WriteJsonl(w, items, article); break;
            case ExportFormat.Html: WriteHtml(w, items, article); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    private static string Score(double p) => p.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Reasons(StoredPair p) => string.Join("; ", p.Score.Reasons.Select(r => r.Message));

    public static void WriteCsv(TextWriter w, IReadOnlyList<ReviewItem> items, Func<string, StoredArticle?> article)
    {
        // RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
        w.Write(string.Join(",", CsvHeader) + "\r\n");
        foreach (var i in items)
        {
            var p = i.Pair;
            string[] row =
            [
                p.Id.ToString(CultureInfo.InvariantCulture), p.SpeakerName, Score(p.Score.Contradiction), i.Verdict ?? "",
                i.Current?.Reviewer ?? "", i.Current?.At.ToString("O", CultureInfo.InvariantCulture) ?? "",
                Date(p.A.Date), p.A.Claim.ContentText, p.A.ArticleTitle, article(p.A.Claim.ArticleId)?.Source ?? "",
                Date(p.B.Date), p.B.Claim.ContentText, p.B.ArticleTitle, article(p.B.Claim.ArticleId)?.Source ?? "",
                Reasons(p),
            ];
            w.Write(string.Join(",", row.Select(CsvField)) + "\r\n");
        }
    }

    /// <summary>
    /// Quotes when needed, and defuses spreadsheet formulas: a cell starting with = + - @ (or a
    /// tab/CR) is run as a formula by Excel and LibreOffice, so it gets a leading apostrophe.
    /// </summary>
    internal static string CsvField(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static void WriteJsonl(TextWriter w, IReadOnlyList<ReviewItem> items, Func<string, StoredArticle?> article)
    {
        foreach (var i in items)
        {
            using var buffer = new MemoryStream();
            using (var j = new Utf8JsonWriter(buffer))
                WritePairJson(j, i, article);
            w.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            w.Write('\n');
        }
    }

    /// <summary>One pair as a JSON object; the web API uses the same shape.</summary>
    public static void WritePairJson(Utf8JsonWriter j, ReviewItem item, Func<string, StoredArticle?> article)
    {
        var p = item.Pair;
        j.WriteStartObject();
        j.WriteNumber("id", p.Id);
        j.WriteString("speakerId", p.SpeakerId);
        j.WriteString("speaker", p.SpeakerName);
        j.WriteNumber("score", Math.Round(p.Score.Contradiction, 4));
        j.WriteNumber("similarity", Math.Round(p.Similarity, 4));
        j.WriteString("modelVersion", p.ModelVersion);
        if (item.Current is { } r)
        {
            j.WriteString("verdict", r.Verdict);
            j.WriteString("reviewer", r.Reviewer);
            j.WriteString("reviewedAt", r.At.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            j.WriteNull("verdict");
            j.WriteNull("reviewer");
            j.WriteNull("reviewedAt");
        }
        WriteClaim(j, "a", p.A, article(p.A.Claim.ArticleId));
        WriteClaim(j, "b", p.B, article(p.B.Claim.ArticleId));
        // The same reasons JSON as the store keeps (one writer, so the export cannot drift from it).
        j.WritePropertyName("reasons");
        ReasonJson.Write(j, p.Score.Reasons);
        j.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter j, string name, StoredClaim c, StoredArticle? a)
    {
        j.WriteStartObject(name);
        j.WriteString("id", c.Claim.Id);
        j.WriteString("content", c.Claim.ContentText);
        j.WriteString("cue", c.Claim.CueText);
        j.WriteString("mention", c.Claim.Speaker.Text);
        if (c.Date is { } d) j.WriteString("date", Date(d)); else j.WriteNull("date");
        j.WriteString("articleId", c.Claim.ArticleId);
        j.WriteString("title", c.ArticleTitle);
        if (a?.Source is { } s) j.WriteString("source", s); else j.WriteNull("source");
        j.WriteEndObject();
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);

    public static void WriteHtml(TextWriter w, IReadOnlyList<ReviewItem> items, Func<string, StoredArticle?> article)
    {
        // One file, no external assets: it must open the same from an e-mail attachment as from disk.
        w.Write("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>cnlp: flagged contradictions</title>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <style>
            body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
            .pair{border:1px solid #ccc;border-radius:6px;padding:.75rem;margin:1rem 0}
            .claims{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
            .meta{color:#555;font-size:.9em}.v{font-weight:bold}.reasons{font-size:.9em;color:#444}
            mark{background:#ffe08a}
            </style></head><body>
            <h1>Flagged contradictions</h1>

            """);
        w.Write($"<p>{items.Count} pair(s). Generated by cnlp export.</p>\n");
        foreach (var group in items.GroupBy(i => i.Pair.SpeakerName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.Write($"<h2>{H(group.Key.Length > 0 ? group.Key : "(unknown speaker)")}</h2>\n");
            foreach (var i in group)
            {
                var p = i.Pair;
                w.Write($"<div class=\"pair\" id=\"pair-{p.Id}\"><div class=\"meta\">Pair {p.Id} · score {Score(p.Score.Contradiction)} · verdict: <span class=\"v\">{H(Verdicts.Describe(i.Verdict))}</span>");
                if (i.Current is { } r) w.Write($" by {H(r.Reviewer)} on {H(r.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC");
                w.Write("</div><div class=\"claims\">");
                Claim(w, "A", p.A, p.Score.Reasons.SelectMany(x => x.SpansA), article(p.A.Claim.ArticleId));
                Claim(w, "B", p.B, p.Score.Reasons.SelectMany(x => x.SpansB), article(p.B.Claim.ArticleId));
                w.Write("</div><ul class=\"reasons\">");
                foreach (var reason in p.Score.Reasons) w.Write($"<li>{H(reason.Message)}</li>");
                w.Write("</ul></div>\n");
            }
        }
        w.Write("</body></html>\n");
    }

    private static void Claim(TextWriter w, string label, StoredClaim c, IEnumerable<Text.TextSpan> reasonSpans, StoredArticle? a)
    {
        w.Write($"<div><div class=\"meta\">{label} · {H(Date(c.Date))} · {H(c.ArticleTitle)}");
        if (a?.Source is { } s) w.Write($" · {H(s)}");
        w.Write("</div><p>“");
        foreach (var seg in ClaimHighlighter.Content(c.Claim.ContentText, reasonSpans))
            w.Write(seg.Marks.HasFlag(Marks.Reason) ? $"<mark>{H(seg.Text)}</mark>" : H(seg.Text));
        w.Write($"” <span class=\"meta\">({H(c.Claim.CueText)})</span></p></div>");
    }
}
