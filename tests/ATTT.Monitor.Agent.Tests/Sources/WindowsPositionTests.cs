using ATTT.Monitor.Agent.Sources;

namespace ATTT.Monitor.Agent.Tests.Sources;

public sealed class WindowsPositionTests
{
    [Fact]
    public void A_position_round_trips_through_its_text_form()
    {
        var position = WindowsPosition.Empty.With("Security", 123456).With("Microsoft-Windows-Sysmon/Operational", 42);

        var parsed = WindowsPosition.Parse(position.Serialize());

        Assert.Equal(123456, parsed.After("security"));
        Assert.Equal(42, parsed.After("Microsoft-Windows-Sysmon/Operational"));
        Assert.Equal(0, parsed.After("System"));
    }

    [Fact]
    public void A_channel_query_resumes_after_the_saved_record_and_keeps_its_filter()
    {
        var channel = new WindowsChannel { Name = "Security", Filter = "EventID=4625" };

        Assert.Equal("*[System[(EventID=4625) and EventRecordID > 99]]", channel.Query(99));
        Assert.Equal("*[System[(EventID=4625)]]", channel.Query(0));
        Assert.Equal("*[System[EventRecordID > 7]]", new WindowsChannel { Name = "System" }.Query(7));
        Assert.Equal("*", new WindowsChannel { Name = "System" }.Query(0));
    }

    [Fact]
    public void The_default_security_filter_covers_the_events_the_rules_need()
    {
        var filter = WindowsChannels.Defaults().Single(c => c.Name == "Security").Filter;

        foreach (var id in new[] { "1102", "4648", "4672", "4794" })
            Assert.True(filter.Contains("EventID=" + id, StringComparison.Ordinal) || CoveredByRange(filter, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)), id);
        Assert.True(CoveredByRange(filter, 4625));
        Assert.True(CoveredByRange(filter, 4688));
        Assert.True(CoveredByRange(filter, 4720));
    }

    [Fact]
    public void A_damaged_position_is_reported()
    {
        Assert.Throws<InvalidDataException>(() => WindowsPosition.Parse("{\"Security\":\"x\""));
    }

    private static bool CoveredByRange(string filter, int id) =>
        System.Text.RegularExpressions.Regex.Matches(filter, @"EventID >= (\d+) and EventID <= (\d+)")
            .Any(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= id
                && id <= int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
}
