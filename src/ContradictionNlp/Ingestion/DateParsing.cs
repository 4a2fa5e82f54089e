using System.Text.RegularExpressions;

namespace ContradictionNlp.Ingestion;

/// <summary>
/// Publication dates as news exports and pages print them. Every reader goes through here so a
/// date means the same thing whatever the format.
/// </summary>
/// <remarks>
/// Recognised (case-insensitive, optional weekday in front, optional time and zone after):
/// <list type="bullet">
/// <item><c>2023-11-16</c>, <c>2023/11/16</c>, ISO timestamps such as <c>2023-11-16T07:05:00+01:00</c> or <c>...Z</c></item>
/// <item><c>November 16, 2023</c>, <c>Nov. 16, 2023</c>, <c>Sep.27 - 2023 7:05 AM CET</c></item>
/// <item><c>16 November 2023</c>, <c>16th Nov 2023</c>, <c>Thu, 16 Nov 2023 07:05:00 GMT</c></item>
/// </list>
/// The date is the calendar day as printed: a timestamp with an offset is NOT converted to UTC,
/// because that can move a late-evening story onto the next day and the reader saw the printed day.
/// All-numeric day/month forms such as <c>11/06/2023</c> are refused: they are ambiguous between
/// US and European order, and a wrong date is worse than none for temporal reasoning.
/// </remarks>
public static partial class DateParsing
{
    private const string Month =
        @"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string Weekday = @"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?";

    // Time after the date: "7:05 AM CET", "T07:05:00.000Z", ", 10:00 GMT", "07:05:00 +0100".
    // The zone abbreviation must be upper case so that "2023-11-16 US troops" keeps "US" as text.
    private const string Time =
        @"(?:(?:T|\s*(?:,|\bat\b|-|–|\|)?\s*)\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2})|\s+(?-i:[A-Z]{2,5})(?:[+-]\d{1,2})?)?)?";

    [GeneratedRegex(@"\G" + Weekday + @"(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"\G" + Weekday + Month + @"\.?\s*(?<d>\d{1,2})(?:st|nd|rd|th)?\s*(?:,|-|–)?\s*(?<y>\d{4})" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYearRegex();

    [GeneratedRegex(@"\G" + Weekday + @"(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?,?\s+(?<y>\d{4})" + Time, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearRegex();

    /// <summary>The whole text (outer whitespace ignored) is a date; otherwise null.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        return TryParsePrefix(trimmed, 0, out var date, out var length) && length == trimmed.Length ? date : null;
    }

    /// <summary>
    /// A date starting exactly at <paramref name="start"/> and ending at a word boundary, e.g. the
    /// "2023-11-16" of "date 2023-11-16 Belarusian President ...". <paramref name="length"/> covers the
    /// date and any time/zone after it, not the following space.
    /// </summary>
    public static bool TryParsePrefix(string text, int start, out DateOnly date, out int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var regex in (ReadOnlySpan<Regex>)[IsoRegex(), MonthDayYearRegex(), DayMonthYearRegex()])
        {
            var m = regex.Match(text, start);
            if (!m.Success) continue;
            var end = m.Index + m.Length;
            // "2023-11-16abc" or "Nov 16, 20234" are not dates.
            if (end < text.Length && char.IsLetterOrDigit(text[end])) continue;
            var month = m.Groups["mon"].Success ? MonthNumber(m.Groups["mon"].Value) : int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) continue;
            date = new DateOnly(year, month, day);
            length = end - start;
            return true;
        }
        date = default;
        length = 0;
        return false;
    }

    private static int MonthNumber(string name) => char.ToLowerInvariant(name[0]) switch
    {
        'j' when name.Length > 1 && char.ToLowerInvariant(name[1]) == 'a' => 1,
        'j' when char.ToLowerInvariant(name[2]) == 'n' => 6,
        'j' => 7,
        'f' => 2,
        'm' when char.ToLowerInvariant(name[2]) == 'r' => 3,
        'm' => 5,
        'a' when char.ToLowerInvariant(name[1]) == 'p' => 4,
        'a' => 8,
        's' => 9,
        'o' => 10,
        'n' => 11,
        'd' => 12,
        _ => throw new InvalidOperationException($"Month pattern matched an unknown name '{name}'."),
    };
}
