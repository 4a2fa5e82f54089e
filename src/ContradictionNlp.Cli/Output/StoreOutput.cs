using System.Globalization;
using System.Text;
using System.Text.Json;
using ContradictionNlp.Store;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ContradictionNlp.Cli.Output;

/// <summary>
/// The JSON shapes (documented in README, keys fixed) and the tables the listing commands print.
/// JSON is written by hand with Utf8JsonWriter so key names and order are exactly what is documented.
/// </summary>
public static class StoreOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented)) write(w);
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary><c>[{"id","name","aliases":[...],"claims":N}]</c></summary>
    public static void Speakers(Utf8JsonWriter w, IEnumerable<SpeakerSummary> speakers)
    {
        w.WriteStartArray();
        foreach (var s in speakers)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Speaker.Id);
            w.WriteString("name", s.Speaker.Name);
            w.WriteStartArray("aliases");
            foreach (var a in s.Speaker.Aliases) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteNumber("claims", s.ClaimCount);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary><c>[{"id","speaker","cue","text","article","date"}]</c>; speaker and date may be null.</summary>
    public static void Claims(Utf8JsonWriter w, IEnumerable<StoredClaim> claims)
    {
        w.WriteStartArray();
        foreach (var c in claims) Claim(w, c);
        w.WriteEndArray();
    }

    private static void Claim(Utf8JsonWriter w, StoredClaim c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Claim.Id);
        if (c.SpeakerName is null) w.WriteNull("speaker"); else w.WriteString("speaker", c.SpeakerName);
        w.WriteString("cue", c.Claim.CueText);
        w.WriteString("text", c.Claim.ContentText);
        w.WriteString("article", c.Claim.ArticleId);
        if (c.Date is { } d) w.WriteString("date", FormatDate(d)); else w.WriteNull("date");
        w.WriteEndObject();
    }

    /// <summary><c>[{"speaker","a":{claim},"b":{claim},"score","reasons":[{"kind","message"}]}]</c></summary>
    public static void Pairs(Utf8JsonWriter w, IEnumerable<StoredPair> pairs)
    {
        w.WriteStartArray();
        foreach (var p in pairs)
        {
            w.WriteStartObject();
            w.WriteString("speaker", p.SpeakerName);
            w.WritePropertyName("a");
            Claim(w, p.A);
            w.WritePropertyName("b");
            Claim(w, p.B);
            w.WriteNumber("score", Math.Round(p.Score.Probability, 4));
            w.WriteStartArray("reasons");
            foreach (var r in p.Score.Reasons)
            {
                w.WriteStartObject();
                w.WriteString("kind", r.Kind);
                w.WriteString("message", r.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string FormatDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A console on <paramref name="writer"/>: plain text (no colour codes) unless it is the real terminal.</summary>
    public static IAnsiConsole Console(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // Redirected output has no width; a wide table wraps less in a file or a pipe.
        if (!terminal) console.Profile.Width = 160;
        return console;
    }

    public static void PairsTable(IAnsiConsole console, IReadOnlyList<StoredPair> pairs)
    {
        var table = new Table().AddColumns("Speaker", "Earlier claim", "Date", "Later claim", "Date", "Score", "Top reason");
        foreach (var p in pairs)
            table.AddRow(Cells(p.SpeakerName, p.A.Claim.ContentText, FormatDate(p.A.Date), p.B.Claim.ContentText,
                FormatDate(p.B.Date), p.Score.Probability.ToString("0.00", CultureInfo.InvariantCulture),
                p.Score.Reasons.Count > 0 ? p.Score.Reasons[0].Message : ""));
        console.Write(table);
    }

    public static void SpeakersTable(IAnsiConsole console, IReadOnlyList<SpeakerSummary> speakers)
    {
        var table = new Table().AddColumns("Id", "Name", "Aliases", "Claims");
        foreach (var s in speakers)
            table.AddRow(Cells(s.Speaker.Id, s.Speaker.Name, string.Join("; ", s.Speaker.Aliases),
                s.ClaimCount.ToString(CultureInfo.InvariantCulture)));
        console.Write(table);
    }

    public static void ClaimsTable(IAnsiConsole console, IReadOnlyList<StoredClaim> claims)
    {
        var table = new Table().AddColumns("Speaker", "Cue", "Claim", "Date", "Id");
        foreach (var c in claims)
            table.AddRow(Cells(c.SpeakerName ?? "(unresolved)", c.Claim.CueText, c.Claim.ContentText, FormatDate(c.Date), c.Claim.Id));
        console.Write(table);
    }

    // Text, not markup: claim text may contain [brackets] that markup would try to interpret.
    // Neutralised: it may also contain terminal control sequences (see TerminalText).
    private static IRenderable[] Cells(params string[] values) => values.Select(v => (IRenderable)new Spectre.Console.Text(TerminalText.Neutralise(v))).ToArray();
}
