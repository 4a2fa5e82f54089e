using System.Text;
using System.Text.Json;
using ContradictionNlp.Text;

namespace ContradictionNlp.Scoring;

/// <summary>
/// The one JSON form of a score's reasons: <c>[{"kind","message","spansA":[[s,e]],"spansB":[[s,e]]}]</c>.
/// The store keeps it in <c>pairs.reasons</c> and the review export writes it, so both use this writer.
/// </summary>
internal static class ReasonJson
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<Reason> reasons)
    {
        w.WriteStartArray();
        foreach (var reason in reasons)
        {
            w.WriteStartObject();
            w.WriteString("kind", reason.Kind);
            w.WriteString("message", reason.Message);
            WriteSpans(w, "spansA", reason.SpansA);
            WriteSpans(w, "spansB", reason.SpansB);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        static void WriteSpans(Utf8JsonWriter w, string name, IReadOnlyList<TextSpan> spans)
        {
            w.WriteStartArray(name);
            foreach (var s in spans)
            {
                w.WriteStartArray();
                w.WriteNumberValue(s.Start);
                w.WriteNumberValue(s.End);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
    }

    public static string ToJson(IReadOnlyList<Reason> reasons)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, reasons);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<Reason> Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new List<Reason>();
        foreach (var e in doc.RootElement.EnumerateArray())
            result.Add(new Reason(e.GetProperty("kind").GetString()!, e.GetProperty("message").GetString()!,
                ReadSpans(e.GetProperty("spansA")), ReadSpans(e.GetProperty("spansB"))));
        return result;

        static IReadOnlyList<TextSpan> ReadSpans(JsonElement a) =>
            a.EnumerateArray().Select(s => new TextSpan(s[0].GetInt32(), s[1].GetInt32())).ToList();
    }
}
