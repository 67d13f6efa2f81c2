using System.Net;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using static ATTT.Monitor.Collector.Tests.Dashboard.Support.PcsSeed;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The PCs list over HTTP: 50 a page in a stable order with totals, and the hosts only stored events name, within the user's units.</summary>
public sealed partial class PcsListPagingTests
{
    [Fact]
    public async Task The_list_pages_fifty_pcs_at_a_time_in_a_stable_order_and_says_how_many_in_all()
    {
        await using var server = await DashboardServer.StartAsync();
        for (var i = 1; i <= 120; i++)
            await AddPcAsync(server, DashboardServer.CommuneA, $"PC-{i:000}");
        await AddPcAsync(server, DashboardServer.CommuneB, "PC-XA-B");
        using var officer = await server.SignInAsync("canbo.a");

        var first = await officer.GetStringAsync("/pcs");
        Assert.Contains("Hiển thị 120 trên 120 máy trạm.", first, StringComparison.Ordinal);
        Assert.Contains("Đang xem 1–50 (trang 1/3).", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/pcs?p=2\"", first, StringComparison.Ordinal);
        var pages = new List<List<string>> { Hosts(first) };
        pages.Add(Hosts(await officer.GetStringAsync("/pcs?p=2")));
        var last = await officer.GetStringAsync("/pcs?p=3");
        Assert.Contains("Đang xem 101–120 (trang 3/3).", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        pages.Add(Hosts(last));

        Assert.Equal([50, 50, 20], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(Enumerable.Range(1, 120).Select(i => $"PC-{i:000}"), all);
        Assert.DoesNotContain("PC-XA-B", all);
        // A page beyond the last shows the last, and the order does not change between reads.
        Assert.Equal(pages[2], Hosts(await officer.GetStringAsync("/pcs?p=99")));
        Assert.Equal(pages[0], Hosts(await officer.GetStringAsync("/pcs?p=1")));
    }

    [Fact]
    public async Task A_host_only_stored_events_name_is_listed_for_its_unit_only_and_has_its_own_page()
    {
        await using var server = await DashboardServer.StartAsync();
        var relay = await AddPcAsync(server, DashboardServer.CommuneA, "PC-KETOAN-01");
        // The agent forwards its own events and some naming another computer (as Windows event forwarding does).
        await AddEventsAsync(server, relay, 1, [.. Logons(2), .. Logons(2, 10, computer: "may-la-01")]);
        var other = await AddPcAsync(server, DashboardServer.CommuneB, "PC-XA-B");
        await AddEventsAsync(server, other, 1, Logons(1, 20, computer: "MAY-CUA-XA-B"));
        using var officer = await server.SignInAsync("canbo.a");

        var list = await officer.GetStringAsync("/pcs");
        var link = "/pcs/host?unit=" + Uri.EscapeDataString(DashboardServer.CommuneA) + "&amp;name=may-la-01";
        Assert.Contains(link, list, StringComparison.Ordinal);
        Assert.Contains("Tổng cộng 1 máy.", list, StringComparison.Ordinal);
        Assert.Contains("<td>Sự kiện</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("MAY-CUA-XA-B", list, StringComparison.Ordinal);
        Assert.Single(Hosts(list), "PC-KETOAN-01");

        var host = await officer.GetStringAsync(WebUtility.HtmlDecode(link));
        Assert.Contains("id=\"host-events-only\"", host, StringComparison.Ordinal);
        Assert.Contains("/events?unit=", host, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/pcs/host?unit=" + Uri.EscapeDataString(DashboardServer.CommuneA) + "&name=KHONG-CO")).StatusCode);
        using var officerB = await server.SignInAsync("canbo.b");
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync(WebUtility.HtmlDecode(link))).StatusCode);
        Assert.Contains("MAY-CUA-XA-B", await officerB.GetStringAsync("/pcs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_lists_event_hosts_from_its_sources_per_unit_once_whatever_the_case_and_without_drills()
    {
        await using var server = await DashboardServer.StartAsync();
        var pc = await AddPcAsync(server, DashboardServer.CommuneA, "PC-KETOAN-01");
        await AddEventsAsync(server, pc, 1, [.. Logons(1, 1, computer: "MAY-LA"), .. Logons(1, 2, computer: "may-la"), .. Logons(1, 3, computer: "")]);
        var (drill, _) = await server.App.Services.GetRequiredService<ATTT.Monitor.Collector.Storage.Agents.AgentRegistry>()
            .EnrollInternalAsync(DashboardServer.CommuneA, "MAY-DIEN-TAP", isDrill: true, default);
        await AddEventsAsync(server, drill, 1, Logons(1, 4, computer: "MAY-DIEN-TAP"));
        var hosts = server.App.Services.GetRequiredService<IEventHosts>();

        var mine = await hosts.ListAsync([DashboardServer.CommuneA], TestContext.Current.CancellationToken);
        Assert.Equal(["MAY-LA"], mine.Select(h => h.Host.ToUpperInvariant()));
        Assert.All(mine, h => Assert.Equal((DashboardServer.CommuneA, pc.AgentId), (h.Unit, h.AgentId)));
        Assert.Empty(await hosts.ListAsync([DashboardServer.CommuneB], TestContext.Current.CancellationToken));
        Assert.Empty(await hosts.ListAsync([], TestContext.Current.CancellationToken));
    }

    /// <summary>The host names of the enrolled PCs' table, in page order.</summary>
    private static List<string> Hosts(string html)
    {
        var table = PcTable().Match(html);
        return table.Success ? [.. PcLink().Matches(table.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))] : [];
    }

    [GeneratedRegex("<table id=\"pc-list\">(.*?)</table>", RegexOptions.Singleline)]
    private static partial Regex PcTable();

    [GeneratedRegex("<a href=\"/pcs/[^\"]+\" class=\"mono\" data-verbatim>([^<]*)</a>")]
    private static partial Regex PcLink();
}
