using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Tests.Search;

/// <summary>The filters as typed on the page, the API and the command line: read, or refused naming the filter.</summary>
public sealed class EventSearchFiltersTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void Every_filter_is_read_and_times_without_an_offset_are_in_the_given_zone()
    {
        var query = EventSearchFilters.Parse(new EventSearchRequest
        {
            Host = " PC-KETOAN-01 ", Unit = "xa-a", From = "27/11/2026 10:15", To = "2026-11-27T04:00:00Z", Channel = "Security", EventId = "4625",
            Fields = ["TargetUserName=quản.trị", "", "LogonType = 3"], Text = "mimikatz", Limit = "20",
        }, Vietnam);
        Assert.Equal("PC-KETOAN-01", query.Host);
        Assert.Equal(["xa-a"], query.Units);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 15, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero), query.To);
        Assert.Equal(4625, query.EventId);
        Assert.Equal([new EventFieldFilter("TargetUserName", "quản.trị"), new EventFieldFilter("LogonType", "3")], query.Fields);
        Assert.Equal(20, query.Limit);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, Vietnam), EventSearchFilters.Time("from", "2026-11-27", Vietnam));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 15, 0, TimeSpan.FromHours(7)), EventSearchFilters.Time("from", "2026-11-27T10:15+07:00", TimeSpan.Zero));
    }

    [Theory]
    [InlineData("from", "27/13/2026", EventSearchProblem.NotATime)]
    [InlineData("to", "yesterday", EventSearchProblem.NotATime)]
    [InlineData("field", "TargetUserName", EventSearchProblem.NotAField)]
    [InlineData("field", "=admin", EventSearchProblem.NotAField)]
    [InlineData("field", "Target User=admin", EventSearchProblem.NotAField)]
    [InlineData("field", "TargetUserName=", EventSearchProblem.NotAField)]
    [InlineData("event-id", "46x", EventSearchProblem.NotANumber)]
    [InlineData("event-id", "70000", EventSearchProblem.NotANumber)]
    [InlineData("limit", "0", EventSearchProblem.NotANumber)]
    [InlineData("before", "abc", EventSearchProblem.NotACursor)]
    public void A_bad_filter_is_refused_naming_it(string parameter, string value, EventSearchProblem problem)
    {
        var request = parameter switch
        {
            "from" => new EventSearchRequest { From = value },
            "to" => new EventSearchRequest { To = value },
            "field" => new EventSearchRequest { Fields = [value] },
            "event-id" => new EventSearchRequest { EventId = value },
            "limit" => new EventSearchRequest { Limit = value },
            _ => new EventSearchRequest { Before = value },
        };
        var error = Assert.Throws<EventSearchException>(() => EventSearchFilters.Parse(request, Vietnam));
        Assert.Equal(parameter, error.Parameter);
        Assert.Equal(problem, error.Problem);
        Assert.StartsWith(parameter + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_after_to_is_refused()
    {
        var error = Assert.Throws<EventSearchException>(() => EventSearchFilters.Parse(new EventSearchRequest { From = "2026-11-28", To = "2026-11-27" }, Vietnam));
        Assert.Equal(EventSearchProblem.FromAfterTo, error.Problem);
        Assert.Equal("from (2026-11-28) is after to (2026-11-27).", error.Message);
    }

    [Fact]
    public void A_cursor_reads_back_as_written()
    {
        var cursor = new EventCursor(new DateTimeOffset(2026, 11, 27, 3, 14, 59, TimeSpan.Zero).AddTicks(1234560), 42);
        Assert.True(EventCursor.TryParse(cursor.ToString(), out var back));
        Assert.Equal(cursor, back);
        Assert.False(EventCursor.TryParse("1-", out _));
        Assert.False(EventCursor.TryParse("-5", out _));
    }
}
