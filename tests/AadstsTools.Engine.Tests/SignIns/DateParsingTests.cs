using System.Globalization;
using AadstsTools.SignIns;
using AadstsTools.SignIns.Files;

namespace AadstsTools.Engine.Tests.SignIns;

public class DateParsingTests
{
    [Theory]
    [InlineData("2026-11-20T09:14:52Z", "2026-11-20T09:14:52Z")]
    [InlineData("2026-11-20T09:14:52.1234567Z", "2026-11-20T09:14:52.1234567Z")]
    [InlineData("2026-11-20 09:14:52", "2026-11-20T09:14:52Z")]
    [InlineData("2026-11-20T10:14:52+01:00", "2026-11-20T09:14:52Z")]
    [InlineData("2026/11/20 9:14", "2026-11-20T09:14:00Z")]
    [InlineData("20.11.2026 09:14", "2026-11-20T09:14:00Z")]
    [InlineData("05.11.2026 09:14:52", "2026-11-05T09:14:52Z")]
    [InlineData("20/11/2026 09:14", "2026-11-20T09:14:00Z")]
    [InlineData("11/20/2026 9:14:52 AM", "2026-11-20T09:14:52Z")]
    [InlineData("11/20/2026 12:05:00 AM", "2026-11-20T00:05:00Z")]
    [InlineData("11/20/2026 12:05:00 PM", "2026-11-20T12:05:00Z")]
    [InlineData("20/11/26 9:14 pm", "2026-11-20T21:14:00Z")]
    [InlineData("05/05/2026 09:14", "2026-05-05T09:14:00Z")]
    [InlineData("46346.5", "2026-11-20T12:00:00Z")]
    public void Reads_one_instant(string text, string expected)
    {
        Assert.True(SignInDateParser.TryParse(text, out DateReading reading, out string problem), problem);
        Assert.False(reading.IsAmbiguous);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), reading.DayFirst);
    }

    [Fact]
    public void A_day_and_month_both_under_13_read_both_ways()
    {
        Assert.True(SignInDateParser.TryParse("05/06/2026 09:14", out DateReading reading, out _));

        Assert.True(reading.IsAmbiguous);
        Assert.Equal(new DateTimeOffset(2026, 6, 5, 9, 14, 0, TimeSpan.Zero), reading.In(SignInDateOrder.DayFirst));
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 9, 14, 0, TimeSpan.Zero), reading.In(SignInDateOrder.MonthFirst));
    }

    [Theory]
    [InlineData("20/11/2026 09:14", SignInDateOrder.DayFirst)]
    [InlineData("11/20/2026 09:14", SignInDateOrder.MonthFirst)]
    [InlineData("2026-11-20T09:14:52Z", SignInDateOrder.Auto)]
    public void Tells_which_order_a_date_proves(string text, SignInDateOrder evidence)
    {
        Assert.True(SignInDateParser.TryParse(text, out DateReading reading, out _));
        Assert.Equal(evidence, reading.Evidence);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31/02/2026 09:14")]
    [InlineData("13/13/2026 09:14")]
    [InlineData("20/11/2026 25:14")]
    [InlineData("20/11/2026 13:14 PM")]
    [InlineData("2026-13-40T00:00:00Z")]
    public void Rejects_what_is_not_a_date(string text)
    {
        Assert.False(SignInDateParser.TryParse(text, out _, out string problem));
        Assert.NotEmpty(problem);
    }

    [Theory]
    [InlineData("en-US", SignInDateOrder.MonthFirst)]
    [InlineData("en-GB", SignInDateOrder.DayFirst)]
    [InlineData("de-DE", SignInDateOrder.DayFirst)]
    [InlineData("ja-JP", SignInDateOrder.MonthFirst)]
    public void A_cultures_order_comes_from_its_short_date_pattern(string culture, SignInDateOrder order)
    {
        Assert.Equal(order, SignInDateParser.OrderOf(CultureInfo.GetCultureInfo(culture)));
    }
}
