using System.Text;
using ContradictionNlp.Ingestion;
using ContradictionNlp.Text;

namespace ContradictionNlp.Tests.Ingestion;

public class InputDecodingTests
{
    private const string Story = "The mayor said the bridge would reopen in May.";

    private static (string? Text, List<Diagnostic> Diagnostics) Decode(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        var text = InputDecoding.Decode(bytes, "f.txt", bag);
        return (text, bag.ToList());
    }

    [Fact]
    public void Clean_UTF8_decodes_without_diagnostics_and_line_endings_become_LF()
    {
        var (text, diagnostics) = Decode(Encoding.UTF8.GetBytes("Caf\u00e9 line one.\r\nLine two.\rLine three.\n"));
        Assert.Equal("Caf\u00e9 line one.\nLine two.\nLine three.\n", text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void UTF8_byte_order_mark_is_dropped_silently()
    {
        var (text, diagnostics) = Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Story)]);
        Assert.Equal(Story, text);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Empty_file_is_one_error()
    {
        var (text, diagnostics) = Decode([]);
        Assert.Null(text);
        Assert.Equal("f.txt: error: empty file (0 bytes): expected article text", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Whitespace_only_file_is_one_error()
    {
        var (text, diagnostics) = Decode(Encoding.UTF8.GetBytes(" \n\t\r\n "));
        Assert.Null(text);
        Assert.Equal("f.txt: error: empty file (only whitespace): expected article text", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void NUL_bytes_mark_a_binary_file()
    {
        var (text, diagnostics) = Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41]);
        Assert.Null(text);
        Assert.Equal("f.txt: error: binary file (NUL byte at offset 4): expected UTF-8 text", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Many_control_characters_mark_a_binary_file_but_a_few_do_not()
    {
        // 3 control bytes in 10 = 30% > 10%.
        var (text, diagnostics) = Decode([0x01, 0x02, 0x03, .. "abcdefg"u8.ToArray()]);
        Assert.Null(text);
        Assert.Equal("f.txt: error: binary file (3 control characters in the first 10 bytes): expected UTF-8 text", Assert.Single(diagnostics).ToString());

        // One escape byte in a 47-byte story (2%) is a sloppy export, not a binary.
        var (kept, none) = Decode([0x1B, .. Encoding.UTF8.GetBytes(Story)]);
        Assert.Equal("\u001b" + Story, kept);
        Assert.Empty(none);
    }

    [Fact]
    public void Invalid_UTF8_falls_back_to_Latin1_with_an_info()
    {
        // "Café" written by a Latin-1 editor: 0xE9 alone is not valid UTF-8.
        var (text, diagnostics) = Decode([.. "Caf"u8.ToArray(), 0xE9, .. " opened."u8.ToArray()]);
        Assert.Equal("Caf\u00e9 opened.", text);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("f.txt: info: not valid UTF-8 (first invalid byte at offset 3); decoded as Latin-1", d.ToString());
    }

    [Theory]
    [InlineData(false, "LE")]
    [InlineData(true, "BE")]
    public void UTF16_with_a_byte_order_mark_is_decoded_with_an_info(bool bigEndian, string name)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: true).GetPreamble()
            .Concat(new UnicodeEncoding(bigEndian, false).GetBytes(Story + "\r\n")).ToArray();
        var (text, diagnostics) = Decode(bytes);
        Assert.Equal(Story + "\n", text);
        Assert.Equal($"f.txt: info: decoded as UTF-16 {name} (byte order mark found)", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void UTF16_without_a_byte_order_mark_is_binary_because_of_its_NUL_bytes()
    {
        var (text, diagnostics) = Decode(Encoding.Unicode.GetBytes("Hi"));
        Assert.Null(text);
        Assert.Equal("f.txt: error: binary file (NUL byte at offset 1): expected UTF-8 text", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Input_over_the_size_limit_is_refused_not_truncated()
    {
        var bag = new DiagnosticBag();
        Assert.Null(InputDecoding.ReadAll(new MemoryStream(new byte[11]), 10, "-", bag));
        Assert.Equal("-: error: input is over the 10-byte limit (IngestionOptions.MaxFileBytes): expected a single article or JSONL collection; raise the limit to read it",
            Assert.Single(bag).ToString());

        var ok = new DiagnosticBag();
        Assert.Equal(10, InputDecoding.ReadAll(new MemoryStream(new byte[10]), 10, "-", ok)!.Length);
        Assert.Empty(ok);
    }

    [Fact]
    public void Options_default_to_20_MiB_and_reject_a_non_positive_limit()
    {
        Assert.Equal(20L * 1024 * 1024, new IngestionOptions().MaxFileBytes);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new IngestionOptions { MaxFileBytes = 0 }.Validate());
        Assert.StartsWith("MaxFileBytes must be positive, got 0.", ex.Message);
    }
}
