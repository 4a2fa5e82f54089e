using System.Text;
using ContradictionNlp.Text;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// Bytes to text for every reader: size limit, empty and binary detection, encoding, line endings.
/// Each problem yields exactly one diagnostic so a user sees one line per bad file.
/// </summary>
public static class InputDecoding
{
    /// <summary>Bytes looked at for control characters; enough to recognise a binary format by its header.</summary>
    private const int BinarySampleBytes = 8192;

    /// <summary>
    /// Share of control characters (other than tab, LF, CR, FF) in the sample above which a file is
    /// called binary. Real text has none; 10% leaves room for a stray escape code in a sloppy export.
    /// </summary>
    private const double MaxControlShare = 0.10;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the stream up to <paramref name="maxBytes"/>; one byte more means the input is too big,
    /// which is reported and yields null (never a truncated article).
    /// </summary>
    public static byte[]? ReadAll(Stream stream, long maxBytes, string origin, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += n;
            if (total > maxBytes)
            {
                diagnostics.Error(origin, TooLargeMessage(null, maxBytes));
                return null;
            }
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    internal static string TooLargeMessage(long? size, long maxBytes) =>
        (size is { } s ? $"file is {s:N0} bytes, over" : "input is over")
        + $" the {maxBytes:N0}-byte limit (IngestionOptions.MaxFileBytes): expected a single article or JSONL collection; raise the limit to read it";

    /// <summary>
    /// Decodes strictly as UTF-8 (BOM allowed), or UTF-16 when a UTF-16 BOM says so; on invalid
    /// UTF-8 falls back to Latin-1 with an info diagnostic. Line endings become "\n". Returns null
    /// (with one error diagnostic) for empty or binary input.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string origin, DiagnosticBag diagnostics)
    {
        if (bytes.Length == 0)
        {
            diagnostics.Error(origin, "empty file (0 bytes): expected article text");
            return null;
        }

        string text;
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            var bigEndian = bytes[0] == 0xFE;
            try
            {
                text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                diagnostics.Error(origin, $"invalid UTF-16 {(bigEndian ? "BE" : "LE")} after its byte order mark: expected UTF-8 or well-formed UTF-16 text");
                return null;
            }
            diagnostics.Info(origin, $"decoded as UTF-16 {(bigEndian ? "BE" : "LE")} (byte order mark found)");
        }
        else
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
            if (BinaryReason(bytes) is { } reason)
            {
                diagnostics.Error(origin, $"binary file ({reason}): expected UTF-8 text");
                return null;
            }
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                // Latin-1 maps every byte to a character, so it cannot fail; Windows-1252 would be a
                // better guess for Western exports but needs the CodePages package.
                text = Encoding.Latin1.GetString(bytes);
                var at = ex.Index >= 0 ? $" (first invalid byte at offset {ex.Index})" : "";
                diagnostics.Info(origin, $"not valid UTF-8{at}; decoded as Latin-1");
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(origin, "empty file (only whitespace): expected article text");
            return null;
        }
        return NormalizeLineEndings(text);
    }

    /// <summary>"\r\n" and lone "\r" become "\n"; nothing else changes, so offsets stay meaningful.</summary>
    public static string NormalizeLineEndings(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) return $"NUL byte at offset {nul}";
        var sample = bytes[..Math.Min(bytes.Length, BinarySampleBytes)];
        int control = 0;
        foreach (var b in sample)
            if ((b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C) || b == 0x7F)
                control++;
        return control > sample.Length * MaxControlShare
            ? $"{control} control characters in the first {sample.Length} bytes"
            : null;
    }
}
