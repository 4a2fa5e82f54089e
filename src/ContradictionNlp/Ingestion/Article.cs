using System.Security.Cryptography;
using System.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// One news article after ingestion. <see cref="Text"/> is the body with metadata and boilerplate
/// lines removed; every span produced by later stages indexes into it.
/// </summary>
/// <param name="Id">Content hash of <see cref="Text"/> (see <see cref="ComputeId"/>): the same article ingested twice gets the same id.</param>
/// <param name="Origin">Where it came from: a path, "path:line" for JSONL, or "-" for stdin.</param>
public sealed record Article(
    string Id,
    string Title,
    DateOnly? Date,
    string? Source,
    string? Author,
    string Text,
    string Origin)
{
    /// <summary>
    /// Identity by content: SHA-256 of the body with line endings normalised and outer whitespace
    /// trimmed, first 16 bytes as lower-case hex. Title and metadata are left out on purpose, so a
    /// re-export of the same story with a changed headline is still recognised as the same article.
    /// </summary>
    /// <summary>
    /// The id the source gave the article (e.g. JSONL "id"), kept for tracing back; not used for
    /// identity. Null when the source has none. (Additive member, set with <c>with { SourceId = ... }</c>.)
    /// </summary>
    public string? SourceId { get; init; }

    public static string ComputeId(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalized), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public static Article Create(string title, DateOnly? date, string? source, string? author, string text, string origin) =>
        new(ComputeId(text), title, date, source, author, text, origin);
}
