using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// Shared plumbing: size limit and decoding happen once here, so each format reader only turns
/// decoded text into articles (and stdin, already decoded for sniffing, can skip straight to that).
/// </summary>
public abstract class ArticleReaderBase : IArticleReader
{
    protected ArticleReaderBase(IngestionOptions? options) => Options = (options ?? IngestionOptions.Default).Validate();

    public IngestionOptions Options { get; }

    /// <summary>Lower-case extensions with the dot, e.g. ".txt".</summary>
    public abstract IReadOnlyList<string> Extensions { get; }

    public bool CanRead(string path) =>
        Extensions.Contains(Path.GetExtension(path).ToLowerInvariant(), StringComparer.Ordinal);

    public IEnumerable<Article> Read(Stream stream, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var bytes = InputDecoding.ReadAll(stream, Options.MaxFileBytes, origin, diagnostics);
        if (bytes is null) return [];
        var text = InputDecoding.Decode(bytes, origin, diagnostics);
        return text is null ? [] : WithinLimits(ReadText(text, origin, diagnostics), diagnostics);
    }

    /// <summary>Drops (with an error naming the article) articles longer than <see cref="IngestionOptions.MaxArticleChars"/>.</summary>
    internal IEnumerable<Article> WithinLimits(IEnumerable<Article> articles, DiagnosticBag diagnostics)
    {
        foreach (var article in articles)
        {
            if (article.Text.Length > Options.MaxArticleChars)
            {
                diagnostics.Error(article.Origin, TooLongMessage(article.Text.Length, Options.MaxArticleChars), field: "text");
                continue;
            }
            yield return article;
        }
    }

    internal static string TooLongMessage(int length, int max) =>
        $"article text is {length:N0} characters, over the {max:N0}-character limit (IngestionOptions.MaxArticleChars); " +
        "skipped, not truncated: expected one news article, split the file or raise the limit";

    /// <summary>Articles from already decoded text whose line endings are "\n".</summary>
    public abstract IEnumerable<Article> ReadText(string text, string origin, DiagnosticBag diagnostics);
}

/// <summary>Titles for articles that carry none.</summary>
public static class ArticleTitles
{
    /// <summary>Longest fallback title; longer first sentences are cut at a word boundary and end in "…".</summary>
    public const int MaxFallbackLength = 120;

    // Periods after these do not end a sentence ("Mr. Smith said ...").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "st", "jr", "sr", "vs", "no", "u.s", "u.k", "e.g", "i.e",
    };

    /// <summary>
    /// The first sentence of the body's first paragraph, trimmed (cut to
    /// <see cref="MaxFallbackLength"/>); the file name without extension when the body has no letters.
    /// </summary>
    public static string FromBody(string body, string origin)
    {
        var text = body.TrimStart();
        var paragraphEnd = text.IndexOf('\n');
        if (paragraphEnd >= 0) text = text[..paragraphEnd];
        var end = SentenceEnd(text);
        var sentence = text[..end].Trim();
        if (!sentence.Any(char.IsLetter)) return FromOrigin(origin);
        if (sentence.Length <= MaxFallbackLength) return sentence;
        var cut = sentence.LastIndexOf(' ', MaxFallbackLength - 1);
        return (cut > 0 ? sentence[..cut] : sentence[..(MaxFallbackLength - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }

    public static string FromOrigin(string origin)
    {
        var name = Path.GetFileNameWithoutExtension(origin);
        return string.IsNullOrWhiteSpace(name) || origin == "-" ? "(untitled)" : name;
    }

    private static int SentenceEnd(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?')) continue;
            int j = i + 1;
            while (j < text.Length && text[j] is '"' or '\'' or '”' or '’' or ')') j++;
            if (j < text.Length && !char.IsWhiteSpace(text[j])) continue;
            if (text[i] == '.' && IsAbbreviation(text, i)) continue;
            return j;
        }
        return text.Length;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        int start = period;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        var word = text[start..period];
        // A single capital is an initial ("Jakob A. Overgaard").
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
