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

    public static IngestionOptions Default { get; } = new();

    /// <summary>Throws for values no caller should pass (a programming error, not a data problem).</summary>
    public IngestionOptions Validate()
    {
        if (MaxFileBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), MaxFileBytes, $"MaxFileBytes must be positive, got {MaxFileBytes}.");
        return this;
    }
}
