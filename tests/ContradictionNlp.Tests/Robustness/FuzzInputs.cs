using System.Text;

namespace ContradictionNlp.Tests.Robustness;

/// <summary>
/// Generators of hostile article text and bytes. All text here is made up for the fuzzer (words
/// drawn at random from small lists); nothing is taken from a real article.
/// </summary>
public static class FuzzInputs
{
    private static readonly string[] Words =
    [
        "the", "minister", "said", "told", "reporters", "that", "he", "she", "they", "would", "not", "resign",
        "according", "to", "officials", "Smith", "Jane", "Doe", "Mr.", "Dr.", "U.S.", "denied", "claimed", "added",
        "on", "Monday", "tax", "rise", "was", "never", "planned", "2019", "3.5%", "$40", "e.g.", "i.e.", "...", "—",
        "Müller", "Ångström", "naïve", "café", "said:", "says", "insisted", "warned", "http://example.org/x?y=1",
        "mid-term", "don't", "it's", "(", ")", ";", ",", ".", "!", "?", "\"", "'", "“", "”", "‘", "’", "«", "»",
    ];

    private static readonly string[] Exotic =
    [
        "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202eevil\u202c", "\u200f", "\u200e", "\u200b", "\u2066x\u2069",
        "e\u0301\u0301\u0301", "a\u0308\u0323", "Z\u0351\u0352\u0353\u0354\u0355\u0356", "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
        "\ud83c\uddec\ud83c\udde7", "\ufeff", "\ufffd", "\u0000", "\u0007", "\u001b[2J", "\u001b]0;title\u0007", "\u0085", "\u2028", "\u2029",
        "\t", "\r", "\r\n", "\n\n", "\u00a0", "\u3000", "漢字", "かな", "\ud800", "\udfff", "[red]", "[/]", "&amp;", "<b>", "{", "}",
    ];

    public static string Words1(Random r) => Words[r.Next(Words.Length)];

    /// <summary>News-like text: sentences of random words, with quotes, cues and exotic characters mixed in.</summary>
    public static string Text(Random r, int maxWords = 200, double exoticRate = 0.05)
    {
        var sb = new StringBuilder();
        int n = r.Next(maxWords + 1);
        for (int i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(r.Next(12) == 0 ? "\n" : " ");
            sb.Append(r.NextDouble() < exoticRate ? Exotic[r.Next(Exotic.Length)] : Words1(r));
            if (r.Next(10) == 0) sb.Append('.');
        }
        return sb.ToString();
    }

    /// <summary>A sentence the claim extractor should recognise, so the fuzzer exercises its rules and not only its early exits.</summary>
    public static string ClaimSentence(Random r) => r.Next(4) switch
    {
        0 => $"{Name(r)} said that {Text(r, 12, 0.1)}.",
        1 => $"\"{Text(r, 12, 0.1)},\" {Name(r)} said.",
        2 => $"According to {Name(r)}, {Text(r, 12, 0.1)}.",
        _ => $"{Name(r)} told reporters: \"{Text(r, 12, 0.1)}\"",
    };

    private static string Name(Random r) => r.Next(5) switch
    {
        0 => "Jane Smith",
        1 => "Mr. Doe",
        2 => "she",
        3 => "the minister",
        _ => "Dr. Ångström-Müller",
    };

    public static string Article(Random r)
    {
        var sb = new StringBuilder();
        int paragraphs = r.Next(1, 6);
        for (int p = 0; p < paragraphs; p++)
        {
            if (p > 0) sb.Append("\n\n");
            sb.Append(r.Next(2) == 0 ? ClaimSentence(r) : Text(r, 60));
            if (r.Next(2) == 0) sb.Append(' ').Append(ClaimSentence(r));
        }
        return sb.ToString();
    }

    public static byte[] RandomBytes(Random r, int max = 2048)
    {
        var b = new byte[r.Next(max + 1)];
        r.NextBytes(b);
        return b;
    }

    /// <summary>Valid bytes with random damage: flipped, inserted, deleted or NUL bytes, or cut off mid-sequence.</summary>
    public static byte[] Mutate(Random r, byte[] bytes)
    {
        var list = new List<byte>(bytes);
        int edits = r.Next(1, 8);
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = r.Next(list.Count);
            switch (r.Next(5))
            {
                case 0: list[at] ^= (byte)(1 << r.Next(8)); break;
                case 1: list.Insert(at, (byte)r.Next(256)); break;
                case 2: list.RemoveAt(at); break;
                case 3: list.Insert(at, 0); break;
                default: list.RemoveRange(at, list.Count - at); break; // truncation, often inside a multi-byte sequence
            }
        }
        return list.ToArray();
    }

    /// <summary>The text in one of the encodings a user might hand us, with or without a byte-order mark.</summary>
    public static (byte[] Bytes, string Encoding) Encode(Random r, string text)
    {
        switch (r.Next(8))
        {
            case 0: return (Encoding.UTF8.GetBytes(text), "utf-8");
            case 1: return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], "utf-8 bom");
            case 2: return (Encoding.Latin1.GetBytes(text), "latin-1");
            case 3: return (Encoding.Unicode.GetBytes(text), "utf-16le no bom");
            case 4: return ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "utf-16le bom");
            case 5: return (Encoding.BigEndianUnicode.GetBytes(text), "utf-16be no bom");
            case 6: return ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], "utf-16be bom");
            default:
                var utf8 = Encoding.UTF8.GetBytes(text);
                return (utf8[..r.Next(utf8.Length + 1)], "utf-8 truncated");
        }
    }

    public static string Html(Random r)
    {
        var sb = new StringBuilder();
        if (r.Next(2) == 0) sb.Append("<!DOCTYPE html>");
        sb.Append("<html><head>");
        if (r.Next(2) == 0) sb.Append("<title>").Append(Text(r, 8)).Append("</title>");
        if (r.Next(3) == 0) sb.Append("<meta name=\"date\" content=\"").Append(r.Next(3) == 0 ? "2020-02-30" : "2021-06-01").Append("\">");
        if (r.Next(3) == 0) sb.Append("<script>document.write('").Append(Text(r, 20)).Append("');</script>");
        if (r.Next(4) == 0) sb.Append("<style>p{color:red}</style>");
        sb.Append("</head><body>");
        int depth = r.Next(4) == 0 ? r.Next(2000) : r.Next(5);
        for (int i = 0; i < depth; i++) sb.Append(r.Next(2) == 0 ? "<div>" : "<span>");
        int paragraphs = r.Next(6);
        for (int p = 0; p < paragraphs; p++)
        {
            sb.Append(r.Next(3) == 0 ? "<p>" : "<article><p>");
            sb.Append(EscapeSome(r, Article(r)));
            if (r.Next(4) == 0) sb.Append(EntityBomb(r));
            if (r.Next(5) == 0) sb.Append("<script>var s = \"</p>\";</script>");
            if (r.Next(2) == 0) sb.Append("</p>");
        }
        if (r.Next(2) == 0) for (int i = 0; i < depth; i++) sb.Append("</div>");
        if (r.Next(2) == 0) sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string EscapeSome(Random r, string text) =>
        r.Next(2) == 0 ? text.Replace("&", "&amp;").Replace("<", "&lt;") : text;

    /// <summary>Many, odd and out-of-range character references: an HTML parser must neither explode nor throw on them.</summary>
    public static string EntityBomb(Random r)
    {
        var sb = new StringBuilder();
        int n = r.Next(1, 500);
        for (int i = 0; i < n; i++)
            sb.Append(r.Next(7) switch
            {
                0 => "&amp;amp;amp;",
                1 => "&#0;",
                2 => "&#x110000;",
                3 => "&#99999999999999999999;",
                4 => "&nbsp;&quot;&lt;script&gt;",
                5 => "&#xD800;",
                _ => "&unknownentity;",
            });
        return sb.ToString();
    }

    public static string JsonLines(Random r)
    {
        var sb = new StringBuilder();
        int lines = r.Next(1, 6);
        for (int i = 0; i < lines; i++)
        {
            sb.Append(r.Next(10) switch
            {
                0 => "{\"text\": 12345678901234567890123456789}",
                1 => "{\"text\": [\"a\", {\"b\": null}], \"title\": 1e400}",
                2 => "{\"title\": \"t\", \"text\": \"" + JsonEscape(Article(r)) + "\", \"date\": 20200101}",
                3 => "[1, 2, 3]",
                4 => "{\"text\": \"" + JsonEscape(Article(r)) + "\"",           // unterminated object
                5 => "{\"text\": \"\\ud800 lone surrogate \\u0000 nul\", \"date\": \"9999-99-99\"}",
                6 => new string('[', r.Next(1, 3000)),                      // deep nesting
                7 => "{\"text\": \"" + JsonEscape(Article(r)) + "\", \"text\": \"duplicate key\"}",
                8 => "null",
                _ => "{\"title\": \"" + JsonEscape(Text(r, 8)) + "\", \"date\": \"2021-03-04\", \"author\": {\"x\":1}, \"text\": \"" + JsonEscape(Article(r)) + "\"}",
            });
            sb.Append(r.Next(4) == 0 ? "\r\n" : "\n");
        }
        return sb.ToString();
    }

    private static string JsonEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ when char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    /// <summary>Text with an unbalanced mix of quotation marks, the tokenizer's and extractor's hardest case.</summary>
    public static string Quotes(Random r)
    {
        var marks = new[] { "\"", "'", "“", "”", "‘", "’", "«", "»", "``", "''" };
        var sb = new StringBuilder();
        int n = r.Next(1, 100);
        for (int i = 0; i < n; i++)
        {
            sb.Append(marks[r.Next(marks.Length)]);
            if (r.Next(2) == 0) sb.Append(Words1(r));
            if (r.Next(3) == 0) sb.Append(' ');
            if (r.Next(8) == 0) sb.Append(" said ").Append(Name(r)).Append(". ");
        }
        return sb.ToString();
    }
}
