using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// Reads one article from a .txt or .md export: header lines (title, date, byline, page chrome)
/// are recognised by <see cref="TextLineRules"/>, the rest is the body, kept verbatim apart from
/// dropped boilerplate lines and "\n" line endings.
/// </summary>
/// <remarks>
/// Header zone: lines before the first prose line. Prose is a line ending in a full stop (not an
/// ellipsis) or one longer than <see cref="MaxHeadingLength"/> characters; everything else up
/// there is a heading. The first heading is the title. Up to <see cref="MaxSubtitles"/> further
/// headline-like lines without sentence punctuation (short, or in Title Case: a deck or second
/// headline, e.g. a re-worded headline under a photo) are dropped from the body: they restate the
/// headline, carry no attribution of their own, and as unpunctuated fragments they would be glued
/// to the first sentence by the sentence splitter. A long sentence-case line without a full stop
/// is kept: it is a lead paragraph that lost its stop. Markdown markup in the body is left as is (offsets index the raw text).
/// A YAML-style front matter block (--- title/date/author/source ---) is read as metadata.
/// </remarks>
public sealed class PlainTextArticleReader(IngestionOptions? options = null) : ArticleReaderBase(options)
{
    public const int MaxHeadingLength = 150;
    public const int MaxSubtitles = 2;

    /// <summary>A deck line of at most this many words counts as a heading whatever its case.</summary>
    public const int MaxShortDeckWords = 8;

    /// <summary>A sentence ending in ? or ! with at least this many words is prose, not a headline.</summary>
    private const int MinProseWordsForQuestion = 12;

    public override IReadOnlyList<string> Extensions { get; } = [".txt", ".text", ".md", ".markdown"];

    public override IEnumerable<Article> ReadText(string text, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = InputDecoding.NormalizeLineEndings(text).Split('\n');
        var header = new Header();
        int i = ReadFrontMatter(lines, header, origin, diagnostics);
        int bodyLine = lines.Length, bodyColumn = 0;
        int subtitles = 0;

        for (; i < lines.Length; i++)
        {
            var raw = lines[i];
            var t = raw.Trim();
            if (t.Length == 0) continue;

            var label = TextLineRules.DateLabel.Pattern.Match(t);
            if (label.Success)
            {
                if (TryTakeLabelledDates(t, header) is { } rest)
                {
                    if (rest.Length == 0) continue;
                    // The first paragraph runs on after the date on the same line.
                    bodyLine = i;
                    bodyColumn = raw.Length - raw.TrimStart().Length + (t.Length - rest.Length);
                    break;
                }
                var value = t[label.Length..];
                // Only a value that is plainly meant as a date ("Date: 04/05/2021") is reported and
                // consumed; "Posted 3 letters to the mayor" is prose that happens to start with a label word.
                if (value.Length <= 40 && value.Any(char.IsDigit) && (label.Value.Contains(':') || value.All(c => char.IsDigit(c) || c is '/' or '.' or '-' or ' ')))
                {
                    diagnostics.Warning(origin, $"unrecognised date \"{value}\": expected e.g. 2023-11-16, November 16, 2023 or 16 Nov 2023", i + 1, "date");
                    continue;
                }
            }
            if (TryTakeMetadata(t, header)) continue;
            var titleLabel = TextLineRules.TitleLabel.Pattern.Match(t);
            if (titleLabel.Success && header.Title is null)
            {
                header.Title = titleLabel.Groups["title"].Value.Trim();
                continue;
            }
            if (TextLineRules.MatchBoilerplate(t) is not null || TextLineRules.SectionLabel.IsMatch(t)) continue;

            var heading = TextLineRules.MarkdownHeading.Pattern.Match(t);
            var candidate = heading.Success ? heading.Groups["title"].Value : t;
            if (heading.Success || !IsProse(t))
            {
                if (header.Title is null)
                {
                    header.Title = candidate;
                    continue;
                }
                if (subtitles < MaxSubtitles && (heading.Success || (!EndsWithSentencePunctuation(t) && IsHeadlineLike(t))))
                {
                    subtitles++;
                    continue;
                }
            }
            bodyLine = i;
            break;
        }

        var body = BuildBody(lines, bodyLine, bodyColumn);
        if (body.Length == 0)
        {
            diagnostics.Error(origin, "no article text after the title and metadata lines: expected at least one paragraph of prose");
            return [];
        }
        var title = header.Title ?? ArticleTitles.FromBody(body, origin);
        return [Article.Create(title, header.Date, header.Source, header.Author, body, origin)];
    }

    /// <summary>
    /// A date line, a byline ("By ..."), or both joined by " | ", " · " or " • " ("By Lee Park |
    /// May 4, 2021"). Any other part makes the whole line not metadata: a bare name without "By" is
    /// not known to be the author.
    /// </summary>
    private static bool TryTakeMetadata(string line, Header header)
    {
        var parts = line.Split(MetadataSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        DateOnly? date = null;
        string? author = null;
        foreach (var part in parts)
        {
            if (date is null && DateParsing.Parse(part) is { } d) date = d;
            else if (author is null && TextLineRules.Byline.Pattern.Match(part) is { Success: true } m) author = m.Groups["name"].Value.Trim();
            else return false;
        }
        header.Date ??= date;
        header.Author ??= author;
        return parts.Length > 0;
    }

    private static readonly string[] MetadataSeparators = [" | ", " · ", " • "];

    /// <summary>
    /// "date 2023-11-16 Body..." or "Published: 16 Nov 2023 | Updated: 17 Nov 2023": takes every
    /// labelled date at the start of the line (the first one wins) and returns what follows, or
    /// null when the line does not start with a labelled date.
    /// </summary>
    private static string? TryTakeLabelledDates(string line, Header header)
    {
        string? rest = null;
        var remaining = line;
        while (TextLineRules.DateLabel.Pattern.Match(remaining) is { Success: true } label
               && DateParsing.TryParsePrefix(remaining, label.Length, out var date, out var length))
        {
            header.Date ??= date;
            remaining = remaining[(label.Length + length)..].TrimStart(' ', '\t', '-', '–', '—', '|', ':', ',');
            rest = remaining;
        }
        return rest;
    }

    private static string BuildBody(string[] lines, int start, int column)
    {
        if (start >= lines.Length) return "";
        var kept = new List<string>(lines.Length - start);
        bool skippingBlanksAfterDrop = false;
        for (int i = start; i < lines.Length; i++)
        {
            var line = i == start ? lines[i][column..] : lines[i];
            if (line.Trim().Length == 0)
            {
                if (!skippingBlanksAfterDrop) kept.Add(line);
                continue;
            }
            // Dropping a chrome line also drops the blank lines after it, so "para\n\nAdvertisement\n\npara"
            // becomes "para\n\npara" rather than leaving a triple gap.
            skippingBlanksAfterDrop = TextLineRules.MatchBoilerplate(line) is not null;
            if (!skippingBlanksAfterDrop) kept.Add(line);
        }
        return string.Join('\n', kept).Trim();
    }

    private static bool IsProse(string line) =>
        line.Length > MaxHeadingLength
        || (StripClosers(line) is var s && s.EndsWith('.') && !s.EndsWith("...", StringComparison.Ordinal))
        || (EndsWithSentencePunctuation(line) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinProseWordsForQuestion);

    /// <summary>
    /// A deck reads like a headline: short, or in Title Case. A long sentence-case line without a
    /// full stop is a lead paragraph whose stop was lost (common in BBC exports) and stays in the body.
    /// </summary>
    private static bool IsHeadlineLike(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= MaxShortDeckWords) return true;
        var content = words.Skip(1).Where(w => w.Length >= 4).ToList();
        return content.Count > 0 && content.Count(w => char.IsUpper(w[0])) >= content.Count * 0.6;
    }

    private static bool EndsWithSentencePunctuation(string line) => StripClosers(line) is var s && s.Length > 0 && s[^1] is '.' or '!' or '?';

    private static string StripClosers(string line) => line.TrimEnd().TrimEnd('"', '\'', '”', '’', ')', ']');

    /// <summary>"---" on the first line opens a key: value block closed by "---" (Jekyll/Hugo exports).</summary>
    private static int ReadFrontMatter(string[] lines, Header header, string origin, DiagnosticBag diagnostics)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---") return 0;
        int close = Array.FindIndex(lines, 1, Math.Min(lines.Length - 1, 60), l => l.Trim() == "---");
        if (close < 0) return 0;
        for (int i = 1; i < close; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon <= 0) continue;
            var key = lines[i][..colon].Trim().ToLowerInvariant();
            var value = lines[i][(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length == 0) continue;
            switch (key)
            {
                case "title": header.Title ??= value; break;
                case "author" or "byline": header.Author ??= value; break;
                case "source" or "publisher" or "site": header.Source ??= value; break;
                case "date" or "published" or "pubdate":
                    if (DateParsing.Parse(value) is { } d) header.Date ??= d;
                    else diagnostics.Warning(origin, $"unrecognised date \"{value}\": expected e.g. 2023-11-16, November 16, 2023 or 16 Nov 2023", i + 1, "date");
                    break;
            }
        }
        return close + 1;
    }

    private sealed class Header
    {
        public string? Title;
        public DateOnly? Date;
        public string? Author;
        public string? Source;
    }
}
