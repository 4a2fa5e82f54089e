using System.Text;
using System.Text.Json;

namespace ContradictionNlp.Cli.Output;

/// <summary>
/// One JSON document written by hand into a string. The commands' --json shapes are written with Utf8JsonWriter rather
/// than by serializing anonymous objects: reflection-based System.Text.Json is not available in the natively compiled
/// (NativeAOT) cnlp, and anonymous types cannot be source-generated. The writer's defaults (encoder, number format,
/// two-space indent) are the ones the serializer used, so the text is byte for byte what the serializer wrote.
/// </summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Compact = new();
    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true };

    public static string Write(Action<Utf8JsonWriter> write, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, indented ? IndentedOptions : Compact)) write(w);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
