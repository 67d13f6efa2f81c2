using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Events;
using Microsoft.Extensions.DependencyInjection;
using static ATTT.Monitor.Collector.Tests.Dashboard.Support.PcsSeed;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The overview's antivirus coverage, the PC list filters and the PC page, on the real host.</summary>
public sealed class PcsPagesTests
{
    private const string A = DashboardServer.CommuneA;
    private const string B = DashboardServer.CommuneB;

    [Fact]
    public async Task Overview_CountsPcsPerAntivirusClass_OfTheUsersUnits_WithLinksToTheFilteredList()
    {
        await using var server = await DashboardServer.StartAsync();
        await ReportAsync(server, await AddPcAsync(server, A, "PC-KETOAN-01"), Av.Protected);
        await ReportAsync(server, await AddPcAsync(server, A, "PC-KETOAN-02"), Av.Protected);
        await ReportAsync(server, await AddPcAsync(server, A, "PC-VANTHU"), Av.RealtimeOff);
        await ReportAsync(server, await AddPcAsync(server, A, "PC-TIEPDAN"), Av.SignaturesOld);
        await ReportAsync(server, await AddPcAsync(server, A, "PC-CU"), Av.None);
        await AddPcAsync(server, A, "PC-MOI");
        await ReportAsync(server, await AddPcAsync(server, B, "PC-XA-B"), Av.None);
        var revoked = await AddPcAsync(server, A, "PC-DA-THU-HOI");
        await ReportAsync(server, revoked, Av.None);
        await server.App.Services.GetRequiredService<IAgentRegistry>().RevokeAsync(revoked.AgentId, default);

        using var officer = await server.SignInAsync("canbo.a");
        var html = await officer.GetStringAsync("/");
        Assert.Contains("class=\"av-count-protected\" href=\"/pcs?posture=protected\">2<", html, StringComparison.Ordinal);
        Assert.Contains("class=\"av-count-realtime_off bad\" href=\"/pcs?posture=realtime_off\">1<", html, StringComparison.Ordinal);
        Assert.Contains("class=\"av-count-signatures_old bad\" href=\"/pcs?posture=signatures_old\">1<", html, StringComparison.Ordinal);
        Assert.Contains("class=\"av-count-none bad\" href=\"/pcs?posture=none\">1<", html, StringComparison.Ordinal);
        Assert.Contains("class=\"av-count-unknown\" href=\"/pcs?posture=unknown\">1<", html, StringComparison.Ordinal);
        Assert.Contains("Mất liên lạc (quá 15 phút)", html, StringComparison.Ordinal);
        Assert.Contains("quá 3 ngày", html, StringComparison.Ordinal);

        using var province = await server.SignInAsync("xem");
        Assert.Contains("class=\"av-count-none bad\" href=\"/pcs?posture=none\">2<", await province.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PcList_FiltersByAntivirusClassAndStatus_AndLinksEachPcToItsPage()
    {
        await using var server = await DashboardServer.StartAsync();
        var ok = await AddPcAsync(server, A, "PC-KETOAN-01");
        await ReportAsync(server, ok, Av.Protected);
        var off = await AddPcAsync(server, A, "PC-VANTHU");
        await ReportAsync(server, off, Av.RealtimeOff);
        await AddPcAsync(server, B, "PC-XA-B");

        using var officer = await server.SignInAsync("canbo.a");
        var all = await officer.GetStringAsync("/pcs");
        Assert.Contains($"href=\"/pcs/{ok.AgentId}\"", all, StringComparison.Ordinal);
        Assert.Contains("Tắt bảo vệ thời gian thực", all, StringComparison.Ordinal);
        Assert.DoesNotContain("PC-XA-B", all, StringComparison.Ordinal);

        var filtered = await officer.GetStringAsync("/pcs?posture=realtime_off");
        Assert.Contains("PC-VANTHU", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("PC-KETOAN-01", filtered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"realtime_off\" selected=\"selected\">", filtered, StringComparison.Ordinal);
        Assert.Contains("Hiển thị 1 trên 2 máy trạm", filtered, StringComparison.Ordinal);
        Assert.Contains("Không có máy trạm nào khớp bộ lọc", await officer.GetStringAsync("/pcs?posture=none"), StringComparison.Ordinal);
        Assert.Contains("PC-VANTHU", await officer.GetStringAsync("/pcs?status=online"), StringComparison.Ordinal);
        // An unknown filter value is ignored rather than answered with an empty list.
        Assert.Contains("PC-KETOAN-01", await officer.GetStringAsync("/pcs?posture=%3Cx%3E"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PcPage_ShowsInventory_PostureWithItsHistoryAndIncidents_AndTheAgentsEventsPaged()
    {
        await using var server = await DashboardServer.StartAsync();
        var pc = await AddPcAsync(server, A, "PC-VANTHU", "Windows 11 Pro 23H2 (22631)", "0.9.4", "192.168.1.20", "fe80::1");
        await ReportAsync(server, pc, Av.Protected);
        await ReportAsync(server, pc, Av.RealtimeOff);
        await AddEventsAsync(server, pc, 1, Logons(30, 1, computer: "PC-VANTHU"));
        var other = await AddPcAsync(server, A, "PC-KHAC");
        await AddEventsAsync(server, other, 1, Logons(2, 500, computer: "PC-VANTHU"));

        using var officer = await server.SignInAsync("canbo.a");
        var html = await officer.GetStringAsync($"/pcs/{pc.AgentId}");
        foreach (var text in new[] { "Windows 11 Pro 23H2 (22631)", "0.9.4", "192.168.1.20, fe80::1", pc.AgentId, "Windows Defender" })
            Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge av-realtime_off\">Tắt bảo vệ thời gian thực</span>", html, StringComparison.Ordinal);
        // History: the protected state, then the current one, each with how long it held.
        var history = Section(html, "h-posture-history");
        Assert.Equal(2, Count(history, "<tr>") - 1);
        Assert.Contains("(đến nay)", history, StringComparison.Ordinal);
        Assert.Contains("av-protected", history, StringComparison.Ordinal);
        // The posture incident opened by the change is listed and is also an open incident of the PC.
        Assert.Contains("Bảo vệ thời gian thực bị tắt", Section(html, "h-posture-incidents"), StringComparison.Ordinal);
        Assert.Contains("Bảo vệ thời gian thực bị tắt", Section(html, "h-open-incidents"), StringComparison.Ordinal);
        // Events: this agent's only (not the other PC's claiming the same name), newest first, 25 a page.
        var events = Section(html, "h-events");
        Assert.Equal(25, Count(events, "<details class=\"event\">"));
        Assert.DoesNotContain(">500<", events, StringComparison.Ordinal);
        Assert.True(events.IndexOf(">30<", StringComparison.Ordinal) < events.IndexOf(">29<", StringComparison.Ordinal));
        var older = System.Text.RegularExpressions.Regex.Match(events, "href=\"(/pcs/[^\"]+\\?before=\\d+)\"");
        Assert.True(older.Success, "no link to older events");
        var page2 = Section(await officer.GetStringAsync(older.Groups[1].Value), "h-events");
        Assert.Equal(5, Count(page2, "<details class=\"event\">"));
        Assert.DoesNotContain("?before=", page2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PcOfAnotherUnit_IsNotFound_ForACommuneUser_ButShownToTheProvince()
    {
        await using var server = await DashboardServer.StartAsync();
        var pc = await AddPcAsync(server, A, "PC-KETOAN-01");
        using var other = await server.SignInAsync("canbo.b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/pcs/{pc.AgentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/pcs/a_khong_ton_tai")).StatusCode);
        using var own = await server.SignInAsync("canbo.a");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/pcs/{pc.AgentId}")).StatusCode);
        using var province = await server.SignInAsync("xem");
        Assert.Equal(HttpStatusCode.OK, (await province.GetAsync($"/pcs/{pc.AgentId}")).StatusCode);
    }

    [Fact]
    public async Task Admin_RevokesAnAgent_AfterConfirming_AndTheActionIsAudited()
    {
        await using var server = await DashboardServer.StartAsync();
        var registry = server.App.Services.GetRequiredService<IAgentRegistry>();
        var pc = await AddPcAsync(server, A, "PC-KETOAN-01");
        var (_, token) = await registry.EnrollInternalAsync(A, "PC-KETOAN-02", isDrill: false, default);
        using var admin = await server.SignInAsync("admin");
        var page = $"/pcs/{pc.AgentId}";

        var unconfirmed = await admin.PostFormAsync(page, page + "?handler=Revoke", []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Hãy đánh dấu ô xác nhận", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await registry.GetAsync(pc.AgentId, default))!.Revoked);

        var response = await admin.PostFormAsync(page, page + "?handler=Revoke", new() { ["confirm"] = "true" });
        var html = await admin.ReadAfterRedirectAsync(response);
        Assert.Contains("Đã thu hồi tác tử", html, StringComparison.Ordinal);
        // The message is the answer to the POST, once: a reload of the page shows the page alone.
        Assert.DoesNotContain("Đã thu hồi tác tử", await admin.GetStringAsync(page), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"h-revoke\"", html, StringComparison.Ordinal);
        Assert.True((await registry.GetAsync(pc.AgentId, default))!.Revoked);
        Assert.NotNull(await registry.AuthenticateAsync(token, default));
        var audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "agents" }, TestContext.Current.CancellationToken);
        var entry = Assert.Single(audit, a => a.Action == "agent_revoked");
        Assert.Equal("admin", entry.Actor);
        Assert.Equal("agent:" + pc.AgentId, entry.Target);
        Assert.Equal(server.Clock.GetUtcNow(), entry.At, TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData("canbo.a")]
    [InlineData("xem")]
    public async Task NonAdmins_CannotRevoke_AndSeeNoRevokeForm(string userName)
    {
        await using var server = await DashboardServer.StartAsync();
        var registry = server.App.Services.GetRequiredService<IAgentRegistry>();
        var pc = await AddPcAsync(server, A, "PC-KETOAN-01");
        using var admin = await server.SignInAsync("admin");
        var form = await admin.GetStringAsync($"/pcs/{pc.AgentId}");
        Assert.Contains("id=\"h-revoke\"", form, StringComparison.Ordinal);

        using var client = await server.SignInAsync(userName);
        var page = $"/pcs/{pc.AgentId}";
        Assert.DoesNotContain("id=\"h-revoke\"", await client.GetStringAsync(page), StringComparison.Ordinal);
        var response = await client.PostFormAsync(page, page + "?handler=Revoke", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // Without the antiforgery token even the admin is refused.
        var forged = await admin.Http.PostAsync(page + "?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False((await registry.GetAsync(pc.AgentId, default))!.Revoked);
    }

    [Fact]
    public async Task HostileHostOsProductAndEventFields_AreEncoded()
    {
        await using var server = await DashboardServer.StartAsync();
        const string Host = "PC-<script>alert(1)</script>";
        const string Os = "Windows\"><img src=x onerror=alert(2)>";
        var pc = await AddPcAsync(server, A, Host, Os, "<b>0.9</b>", "10.0.0.1\"onmouseover=\"alert(3)");
        await ReportAsync(server, pc, Av.Protected, product: "Defender<svg onload=alert(4)>");
        await AddEventsAsync(server, pc, 1, [TestEventsWith("<iframe src=javascript:alert(5)>", "</td><script>alert(6)</script>")]);

        using var officer = await server.SignInAsync("canbo.a");
        foreach (var path in new[] { "/pcs", $"/pcs/{pc.AgentId}", "/pcs?posture=protected" })
        {
            var html = await officer.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"onmouseover=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>0.9", html, StringComparison.Ordinal);
            Assert.Contains("PC-&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }

        var detail = await officer.GetStringAsync($"/pcs/{pc.AgentId}");
        Assert.Contains("Windows&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", detail, StringComparison.Ordinal);
        Assert.Contains("&lt;/td&gt;&lt;script&gt;alert(6)&lt;/script&gt;", detail, StringComparison.Ordinal);
    }

    private static EventRecord TestEventsWith(string computer, string value) => new()
    {
        Provider = "Microsoft-Windows-PowerShell",
        EventId = 4104,
        Channel = "Microsoft-Windows-PowerShell/Operational",
        Computer = computer,
        TimeCreated = TestClock.DefaultStart.AddMinutes(-5),
        RecordId = 1,
        Fields = [new EventField("CommandLine", value), new EventField("<i>name</i>", "x")],
    };

    private static string Section(string html, string headingId)
    {
        var start = html.IndexOf($"aria-labelledby=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {headingId}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
