using ContradictionNlp.Ingestion;

namespace ContradictionNlp.Tests.Ingestion;

public class DateParsingTests
{
    [Theory]
    [InlineData("2023-11-16", 2023, 11, 16)]
    [InlineData("2023/11/16", 2023, 11, 16)]
    [InlineData("  2023-11-16  ", 2023, 11, 16)]
    [InlineData("November 16, 2023", 2023, 11, 16)]
    [InlineData("Nov. 16, 2023", 2023, 11, 16)]
    [InlineData("Nov 16 2023", 2023, 11, 16)]
    [InlineData("16 November 2023", 2023, 11, 16)]
    [InlineData("16th of November 2023", 2023, 11, 16)]
    [InlineData("16 Nov. 2023", 2023, 11, 16)]
    [InlineData("Sep.27 - 2023 7:05 AM CET", 2023, 9, 27)]
    [InlineData("Sept. 27, 2023", 2023, 9, 27)]
    [InlineData("Thursday, November 16, 2023", 2023, 11, 16)]
    [InlineData("Thu, 16 Nov 2023 07:05:00 GMT", 2023, 11, 16)]
    [InlineData("June 1, 2024 at 10:30 pm", 2024, 6, 1)]
    [InlineData("2023-11-16T07:05:00Z", 2023, 11, 16)]
    [InlineData("2023-11-16T07:05:00.123+01:00", 2023, 11, 16)]
    [InlineData("2023-11-16 07:05", 2023, 11, 16)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("MARCH 3, 2022", 2022, 3, 3)]
    [InlineData("2023-11-16T07:05:00+0100", 2023, 11, 16)]
    public void Recognised_formats_give_the_printed_calendar_day(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateParsing.Parse(text));

    [Fact]
    public void A_timestamp_late_in_the_day_with_a_negative_offset_keeps_its_printed_day_not_the_UTC_one() =>
        // 23:30 at -05:00 is already the 17th in UTC; the reader of that page saw the 16th.
        Assert.Equal(new DateOnly(2023, 11, 16), DateParsing.Parse("2023-11-16T23:30:00-05:00"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("11/16/2023")]        // all-numeric: refused as ambiguous
    [InlineData("16.11.2023")]
    [InlineData("2023-02-30")]        // no such day
    [InlineData("2023-13-01")]
    [InlineData("Nov 31, 2023")]
    [InlineData("2023-11-16abc")]
    [InlineData("yesterday")]
    [InlineData("November 2023")]     // no day
    [InlineData("2023-11-16 was the day")] // Parse needs the whole text to be a date
    public void Other_text_is_not_a_date(string? text) => Assert.Null(DateParsing.Parse(text));

    [Fact]
    public void Prefix_parse_reports_the_length_of_the_date_so_the_rest_of_the_line_can_be_kept()
    {
        const string line = "2023-11-16 Belarusian President spoke.";
        Assert.True(DateParsing.TryParsePrefix(line, 0, out var date, out var length));
        Assert.Equal(new DateOnly(2023, 11, 16), date);
        Assert.Equal("2023-11-16", line[..length]);
    }

    [Fact]
    public void Prefix_parse_takes_an_upper_case_zone_only_after_a_time()
    {
        const string line = "Nov 16, 2023 US troops left";
        Assert.True(DateParsing.TryParsePrefix(line, 0, out _, out var length));
        Assert.Equal("Nov 16, 2023", line[..length]);

        const string timed = "Nov 16, 2023 7:05 AM CET The vote";
        Assert.True(DateParsing.TryParsePrefix(timed, 0, out _, out var timedLength));
        Assert.Equal("Nov 16, 2023 7:05 AM CET", timed[..timedLength]);
    }

    [Fact]
    public void Prefix_parse_starts_exactly_at_the_given_offset()
    {
        Assert.True(DateParsing.TryParsePrefix("date 2023-11-16", 5, out var date, out var length));
        Assert.Equal((new DateOnly(2023, 11, 16), 10), (date, length));
        Assert.False(DateParsing.TryParsePrefix("date 2023-11-16", 0, out _, out _));
    }
}
