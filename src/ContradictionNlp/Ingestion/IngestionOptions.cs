namespace ContradictionNlp.Ingestion;

/// <summary>Limits for reading articles. Defaults suit news text; every value is validated.</summary>
public sealed record IngestionOptions
{
    /// <summary>20 MiB: a long news article is well under 1 MB, so a bigger file is almost always a dump or a mistake.</summary>
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    /// <summary>
    /// Files (and stdin) larger than this are skipped with an error diagnostic, never silently
    /// truncated: half an article would yield claims without their context. Default
    /// <see cref="DefaultMaxFileBytes"/> (20 MiB). Raise it for large JSONL collections.
    /// </summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>200,000 characters: about 20 times a long news article (the 2,225 BBC News articles in ../shared run 503 to 25,485), analysed in well under a second.</summary>
    public const int DefaultMaxArticleChars = 200_000;

    /// <summary>
    /// An article whose text (after reading) is longer than this is skipped with an error
    /// diagnostic, never truncated: claim extraction time grows with sentence length, and a
    /// multi-megabyte "article" is a dump or a mistake. Default <see cref="DefaultMaxArticleChars"/>.
    /// </summary>
    public int MaxArticleChars { get; init; } = DefaultMaxArticleChars;

    /// <summary>
    /// 1,000: real pages nest a few dozen elements deep. Far deeper HTML makes parsing superlinear
    /// (100,000 nested &lt;div&gt; took minutes) and risks a stack overflow that would end the process.
    /// </summary>
    public const int DefaultMaxHtmlNestingDepth = 1_000;

    /// <summary>HTML nesting elements deeper than this is skipped with an error diagnostic before parsing. Default <see cref="DefaultMaxHtmlNestingDepth"/>.</summary>
    public int MaxHtmlNestingDepth { get; init; } = DefaultMaxHtmlNestingDepth;

    public static IngestionOptions Default { get; } = new();

    /// <summary>Throws for values no caller should pass (a programming error, not a data problem).</summary>
    public IngestionOptions Validate()
    {
        if (MaxFileBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, $"MaxFileBytes must be positive, got {MaxFileBytes}.");
        if (MaxArticleChars <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxArticleChars), MaxArticleChars, $"MaxArticleChars must be positive, got {MaxArticleChars}.");
        if (MaxHtmlNestingDepth <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxHtmlNestingDepth), MaxHtmlNestingDepth, $"MaxHtmlNestingDepth must be positive, got {MaxHtmlNestingDepth}.");
        return this;
    }
}
