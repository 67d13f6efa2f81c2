using System.Net;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using static ATTT.Monitor.Collector.Tests.Dashboard.Support.PcsSeed;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>
/// The events page and the incident list read their date filters with one parser
/// (<see cref="ATTT.Monitor.Collector.Search.DayMonthYear"/>): the same days accepted, and a 400 that
/// names the filter and the value refused.
/// </summary>
public sealed class DateFilterPagesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_events_page_reads_day_first_times_in_vietnam_time_and_refuses_a_month_first_date_naming_it()
    {
        await using var server = await DashboardServer.StartAsync();
        var pc = await AddPcAsync(server, DashboardServer.CommuneA, "PC-KETOAN-01");
        // TestEvents' logons happen a few seconds after 10:00 on 27/11/2026, Vietnam time.
        await AddEventsAsync(server, pc, 1, Logons(1));
        using var officer = await server.SignInAsync("canbo.a");

        var before = await officer.GetStringAsync("/events?from=" + Uri.EscapeDataString("27/11/2026 9:59"));
        Assert.Contains("data-event-id=", before, StringComparison.Ordinal);
        var after = await officer.GetStringAsync("/events?from=" + Uri.EscapeDataString("27/11/2026 10:30"));
        Assert.Contains("id=\"no-events\"", after, StringComparison.Ordinal);
        var untilDay = await officer.GetStringAsync("/events?to=1/12/2026");
        Assert.Contains("data-event-id=", untilDay, StringComparison.Ordinal);

        var bad = await officer.GetAsync("/events?from=11/27/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Từ &quot;11/27/2026&quot;: không phải thời gian hợp lệ", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_incident_list_reads_the_same_days_and_refuses_a_time_of_day_naming_it()
    {
        await using var server = await DashboardServer.StartAsync();
        using var officer = await server.SignInAsync("canbo.a");

        var good = await officer.GetAsync("/incidents?from=1/12/2026");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("value=\"1/12/2026\"", await good.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var withTime = await officer.GetAsync("/incidents?to=" + Uri.EscapeDataString("27/11/2026 10:15"));
        Assert.Equal(HttpStatusCode.BadRequest, withTime.StatusCode);
        Assert.Contains("Đến ngày &quot;27/11/2026 10:15&quot; không phải là một ngày", await withTime.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
