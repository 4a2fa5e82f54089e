using System.Text.RegularExpressions;

namespace ContradictionNlp.Ingestion;

/// <summary>One named rule for recognising a kind of line, with the reason it exists.</summary>
public sealed record LineRule(string Name, string Why, Regex Pattern)
{
    public bool IsMatch(string line) => Pattern.IsMatch(line.Trim());
}

/// <summary>
/// The small rule sets the text reader uses to tell metadata and page chrome from article prose.
/// They describe kinds of lines found in real exports, not any particular article.
/// </summary>
public static partial class TextLineRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Lines dropped wherever they appear (header or body).</summary>
    public static IReadOnlyList<LineRule> Boilerplate { get; } =
    [
        new("photo-credit", "Credits of the page's pictures are copied with the text but are not article prose.",
            new Regex(@"^(?:photo|image|picture|photograph|illustration|video|graphic)s?(?:\s+credits?)?\s*[:|]\s*\S.*$|^(?:photo|image)\s+(?:credit|courtesy)\b.*$", Options)),
        new("page-chrome", "Fixed phrases from the page around the article (teasers, ads, share bars) that exports capture.",
            new Regex(@"^(?:trending(?:\s+now)?|advertisement|advertising|sponsored(?:\s+content)?|share(?:\s+this(?:\s+article|\s+story)?)?|share\s+on\s+\w+|read\s+more|continue\s+reading|most\s+read|most\s+popular|recommended(?:\s+for\s+you)?|related(?:\s+articles|\s+stories|\s+news)?|skip\s+to\s+(?:main\s+)?content|subscribe(?:\s+now)?|sign\s+up(?:\s+for\s+our\s+newsletter)?|follow\s+us(?:\s+on\s+\w+)?|comments?|show\s+comments|print|email)\s*:?$", Options)),
        new("cross-link", "\"Read also: <other story>\" lines link to other articles; their text is a headline, not this story's prose.",
            new Regex(@"^(?:read\s+(?:also|more)|see\s+also|also\s+read|related)\s*:\s*\S.*$", Options)),
    ];

    /// <summary>
    /// A lone section word only counts as chrome before the body starts ("News" above the headline);
    /// inside the body a one-word line is more likely a real subheading, which we leave alone.
    /// </summary>
    public static LineRule SectionLabel { get; } = new("section-label",
        "Category badges (\"News\", \"World\") printed above or beside the headline.",
        new Regex(@"^(?:news|breaking(?:\s+news)?|latest(?:\s+news)?|world|world\s+news|politics|europe|opinion|analysis|business|economy|sport|sports|culture|science|technology|tech|local|national|international|features?|exclusive|live|update|updated|war|conflict|defen[cs]e|security)$", Options));

    /// <summary>Byline: "Written by NAME", "By NAME", "By NAME and NAME", "Author: NAME".</summary>
    public static LineRule Byline { get; } = new("byline",
        "Exports put the author on its own line; names start with capitals, which keeps prose such as \"By the end of ...\" out.",
        BylineRegex());

    /// <summary>"date 2023-11-16", "Published: Nov. 16, 2023": a label, then a date; text after the date on the same line is body.</summary>
    public static LineRule DateLabel { get; } = new("date-label",
        "Some exports write the date with a label and run the first paragraph on after it on the same line.",
        DateLabelRegex());

    /// <summary>"Title: ..." label line.</summary>
    public static LineRule TitleLabel { get; } = new("title-label",
        "Plain-text exports with key: value headers name the headline explicitly.",
        TitleLabelRegex());

    /// <summary>Markdown ATX heading ("# Title").</summary>
    public static LineRule MarkdownHeading { get; } = new("markdown-heading",
        "Markdown exports give the headline as a '#' heading.",
        MarkdownHeadingRegex());

    [GeneratedRegex(@"^(?:written\s+by|by|author\s*:)\s+(?<name>(?-i:\p{Lu})[\p{L}\p{M}.'’\-]*(?:\s+(?:(?-i:\p{Lu})[\p{L}\p{M}.'’\-]*|de|da|di|van|von|der|den|la|le|bin|al|and|&)){0,7}(?:\s*,\s*(?-i:\p{Lu})[\p{L}\p{M}.'’\-]*(?:\s+(?-i:\p{Lu})[\p{L}\p{M}.'’\-]*){0,4})?)$", Options)]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"^(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated(?:\s+on)?)\s*[:\-–]?\s+", Options)]
    private static partial Regex DateLabelRegex();

    [GeneratedRegex(@"^title\s*:\s*(?<title>\S.*)$", Options)]
    private static partial Regex TitleLabelRegex();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.*?)\s*#*$", Options)]
    private static partial Regex MarkdownHeadingRegex();

    /// <summary>The boilerplate rule a line matches, or null.</summary>
    public static LineRule? MatchBoilerplate(string line)
    {
        var trimmed = line.Trim();
        foreach (var rule in Boilerplate)
            if (rule.Pattern.IsMatch(trimmed)) return rule;
        return null;
    }
}
