using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// Reads one article from a saved web page (AngleSharp). Metadata comes from the head
/// (Open Graph, Dublin Core, schema.org) with visible fallbacks; the body is the paragraphs of
/// the main content with page chrome removed, joined by blank lines.
/// </summary>
/// <remarks>
/// Title: og:title, else &lt;title&gt;, else the first &lt;h1&gt;.
/// Date: meta article:published_time, date, pubdate, publishdate, DC.date(.issued), itemprop
/// datePublished, else the first &lt;time datetime&gt;.
/// Author: meta author, else rel=author link, else itemprop=author, else an element whose class
/// contains "byline" or "author" (a leading "By" is dropped).
/// Main text: nav/header/footer/aside/script/style/form and similar are removed; the container is
/// the &lt;article&gt; with the most paragraph text, else &lt;main&gt; / role=main, else the element
/// whose direct &lt;p&gt; children hold the most text. Only &lt;p&gt; elements count as paragraphs
/// (subheadings and lists are usually related links or captions); whitespace inside a paragraph is
/// collapsed as a browser would show it. With no &lt;p&gt; at all, the container's text is one paragraph.
/// </remarks>
public sealed class HtmlArticleReader(IngestionOptions? options = null) : ArticleReaderBase(options)
{
    public override IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    // Elements that never hold the story's prose: navigation, page furniture, code and captions.
    private const string ChromeSelector =
        "nav, header, footer, aside, script, style, form, noscript, template, iframe, svg, button, figure, figcaption, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    private static readonly string[] DateMetaKeys =
        ["article:published_time", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "og:published_time"];

    public override IEnumerable<Article> ReadText(string text, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (NestingDepthOver(text, Options.MaxHtmlNestingDepth))
        {
            diagnostics.Error(origin, $"HTML nests elements more than {Options.MaxHtmlNestingDepth:N0} deep (IngestionOptions.MaxHtmlNestingDepth): " +
                "skipped, because parsing it would take minutes; expected a saved news page");
            return [];
        }
        var document = new HtmlParser().ParseDocument(text);
        var metas = document.QuerySelectorAll("meta").ToList();

        var title = Meta(metas, "og:title") ?? Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent);
        var date = ReadDate(document, metas);
        var author = ReadAuthor(document, metas);
        var source = Meta(metas, "og:site_name");

        foreach (var element in document.QuerySelectorAll(ChromeSelector).ToList()) element.Remove();
        MarkLineBreaks(document);

        var body = document.Body is { } b ? MainText(b) : "";
        if (body.Length == 0)
        {
            diagnostics.Error(origin, "no article text: expected <p> paragraphs or text inside <body>");
            return [];
        }
        return [Article.Create(title ?? ArticleTitles.FromBody(body, origin), date, source, author, body, origin)];
    }

    // Elements with no end tag: they never deepen the tree.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // End tags commonly omitted: counting them would make a long list look deep.
        "p", "li", "dt", "dd", "tr", "td", "th", "option",
    };

    /// <summary>
    /// A linear scan of start/end tags (comments, script and style skipped), true as soon as the
    /// open-element count passes <paramref name="max"/>. An estimate, not a parse: it exists so that
    /// a hostile page is refused before AngleSharp spends minutes (or the stack) on it.
    /// </summary>
    internal static bool NestingDepthOver(string html, int max)
    {
        int depth = 0;
        for (int i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            char next = html[i + 1];
            if (next == '/') { if (depth > 0) depth--; continue; }
            if (next == '!')
            {
                if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0) { int end = html.IndexOf("-->", i + 4, StringComparison.Ordinal); if (end < 0) return false; i = end; }
                continue;
            }
            if (!char.IsAsciiLetter(next)) continue;
            int nameEnd = i + 1;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
            var name = html.AsSpan(i + 1, nameEnd - i - 1);
            int close = html.IndexOf('>', nameEnd);
            if (close < 0) return false;
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                int end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                if (end < 0) return false;
                i = end;
                continue;
            }
            i = close;
            if (html[close - 1] == '/' || VoidElements.Contains(name.ToString())) continue;
            if (++depth > max) return true;
        }
        return false;
    }

    private static string? Meta(List<IElement> metas, string key)
    {
        foreach (var meta in metas)
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is not null && name.Equals(key, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } value)
                return value;
        }
        return null;
    }

    private static DateOnly? ReadDate(IDocument document, List<IElement> metas)
    {
        foreach (var key in DateMetaKeys)
            if (DateParsing.Parse(Meta(metas, key)) is { } d) return d;
        foreach (var el in document.QuerySelectorAll("[itemprop=datePublished]"))
            if (DateParsing.Parse(el.GetAttribute("content") ?? el.GetAttribute("datetime") ?? el.TextContent) is { } d) return d;
        foreach (var time in document.QuerySelectorAll("time[datetime]"))
            if (DateParsing.Parse(time.GetAttribute("datetime")) is { } d) return d;
        return null;
    }

    private static string? ReadAuthor(IDocument document, List<IElement> metas)
    {
        if (Meta(metas, "author") is { } meta) return StripBy(meta);
        foreach (var el in document.QuerySelectorAll("[rel~=author], [itemprop=author]"))
        {
            var name = el.QuerySelector("[itemprop=name]")?.GetAttribute("content") ?? el.GetAttribute("content") ?? el.TextContent;
            if (Clean(name) is { } n && n.Length <= 100) return StripBy(n);
        }
        foreach (var el in document.All)
        {
            if (!el.ClassList.Any(c => c.Contains("byline", StringComparison.OrdinalIgnoreCase) || c.Contains("author", StringComparison.OrdinalIgnoreCase)))
                continue;
            if (Clean(el.TextContent) is { } n && n.Length <= 100) return StripBy(n);
        }
        return null;
    }

    private static string StripBy(string name) =>
        name.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? name[3..].Trim() : name;

    private static string MainText(IHtmlElement body)
    {
        var container = body.QuerySelectorAll("article").OrderByDescending(ParagraphTextLength).FirstOrDefault()
            ?? body.QuerySelector("main, [role=main]")
            ?? DensestParagraphBlock(body)
            ?? body;
        var paragraphs = container.QuerySelectorAll("p")
            .Select(p => Clean(p.TextContent))
            .OfType<string>()
            .Where(p => TextLineRules.MatchBoilerplate(p) is null)
            .ToList();
        if (paragraphs.Count == 0)
        {
            // No <p>: each block (div, li, heading...) became its own line in MarkLineBreaks.
            paragraphs.AddRange(container.TextContent.Split(BlockEnd)
                .Select(Clean).OfType<string>()
                .Where(p => TextLineRules.MatchBoilerplate(p) is null));
        }
        return string.Join("\n\n", paragraphs);
    }

    private const char BlockEnd = '\u2029';

    private const string BlockSelector = "p, div, li, h1, h2, h3, h4, h5, h6, blockquote, section, article, main, tr, dd, dt, pre";

    /// <summary>
    /// TextContent glues adjacent blocks ("&lt;div&gt;a&lt;/div&gt;&lt;div&gt;b&lt;/div&gt;" gives "ab") and
    /// "line&lt;br&gt;break" into "linebreak". A &lt;br&gt; becomes a space; each block end gets a
    /// U+2029 PARAGRAPH SEPARATOR, which is whitespace to <see cref="Clean"/> (so it vanishes inside
    /// a &lt;p&gt;) but, unlike the newlines of the HTML source, marks where a block ended.
    /// </summary>
    private static void MarkLineBreaks(IDocument document)
    {
        foreach (var br in document.QuerySelectorAll("br").ToList()) br.Replace(document.CreateTextNode(" "));
        foreach (var block in document.QuerySelectorAll(BlockSelector).ToList()) block.After(document.CreateTextNode(BlockEnd.ToString()));
    }

    private static int ParagraphTextLength(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    /// <summary>The element whose own &lt;p&gt; children carry the most text (first in document order on a tie).</summary>
    private static IElement? DensestParagraphBlock(IElement root)
    {
        IElement? best = null;
        int bestLength = 0;
        foreach (var el in root.QuerySelectorAll("*").Prepend(root))
        {
            int length = el.Children.Where(c => c.LocalName == "p").Sum(p => p.TextContent.Length);
            if (length > bestLength) (best, bestLength) = (el, length);
        }
        return best;
    }

    /// <summary>Collapses HTML whitespace runs to one space (as rendered); null when nothing is left.</summary>
    private static string? Clean(string? value)
    {
        if (value is null) return null;
        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }
}
