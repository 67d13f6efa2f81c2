using ATTT.Monitor.Collector.Search;

namespace ATTT.Monitor.Collector.Tests.Search;

/// <summary>The one reader of typed days and times: dd/mm/yyyy first, ISO for links, mm/dd/yyyy never guessed.</summary>
public sealed class DayMonthYearTests
{
    [Theory]
    [InlineData("27/11/2026", 2026, 11, 27)]
    [InlineData(" 1/2/2026 ", 2026, 2, 1)]
    [InlineData("01/02/2026", 2026, 2, 1)]
    [InlineData("2026-11-30", 2026, 11, 30)]
    public void A_day_is_read_day_first(string text, int year, int month, int day)
    {
        Assert.True(DayMonthYear.TryParseDay(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed);
    }

    [Theory]
    [InlineData("11/27/2026")]
    [InlineData("31/02/2026")]
    [InlineData("27/11/26")]
    [InlineData("27-11-2026")]
    [InlineData("27/11/2026 10:15")]
    [InlineData("hôm qua")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_day(string? text) =>
        Assert.False(DayMonthYear.TryParseDay(text, out _));

    [Theory]
    [InlineData("27/11/2026 10:15", "2026-11-27T10:15:00")]
    [InlineData("1/12/2026 9:05", "2026-12-01T09:05:00")]
    [InlineData("27/11/2026 10:15:30", "2026-11-27T10:15:30")]
    [InlineData("27/11/2026", "2026-11-27T00:00:00")]
    [InlineData("2026-11-27T10:15", "2026-11-27T10:15:00")]
    [InlineData("2026-11-27 10:15:30", "2026-11-27T10:15:30")]
    public void A_time_is_read_on_the_same_days(string text, string expected)
    {
        Assert.True(DayMonthYear.TryParseLocal(text, out var local));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Theory]
    [InlineData("11/27/2026 10:15")]
    [InlineData("27/11/2026 25:00")]
    [InlineData("27/11/2026 10h15")]
    public void A_time_on_a_day_that_is_not_one_is_refused(string text) =>
        Assert.False(DayMonthYear.TryParseLocal(text, out _));

    [Fact]
    public void The_event_search_reads_the_same_days_and_names_the_value_it_refuses()
    {
        var vietnam = TimeSpan.FromHours(7);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 5, 0, vietnam), EventSearchFilters.Time("from", "1/12/2026 9:05", vietnam));
        var error = Assert.Throws<EventSearchException>(() => EventSearchFilters.Time("from", "11/27/2026", vietnam));
        Assert.Equal(("from", "11/27/2026"), (error.Parameter, error.Value));
    }
}
