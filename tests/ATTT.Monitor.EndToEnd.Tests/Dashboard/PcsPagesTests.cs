using System.Text.RegularExpressions;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using ATTT.Monitor.Events;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>The overview's antivirus coverage and the PC pages in the browser: navigation, scoping, revoke, hostile inventory.</summary>
public sealed class PcsPagesTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly DateTimeOffset At = TestClock.DefaultStart.AddMinutes(-20);

    [Fact]
    public async Task Officer_FollowsTheAntivirusCount_ToTheFilteredList_AndOpensThePc()
    {
        var pc = await fixture.Site.AddPcAsync(DashboardSite.CommuneA, "PC-VANTHU", "Windows 11 Pro 23H2 (22631)", "Windows Defender", realtime: false,
            [DashboardSite.FailedLogon("PC-VANTHU", "vanthu", "203.0.113.9", At, 501), DashboardSite.FailedLogon("PC-VANTHU", "vanthu", "203.0.113.9", At.AddSeconds(3), 502)]);
        await fixture.Site.AddPcAsync(DashboardSite.CommuneA, "PC-KETOAN-02", "Windows 10 Pro 22H2 (19045)", "Windows Defender", realtime: true, []);
        var page = await fixture.SignInAsync("canbo.a");

        var coverage = page.Locator("section[aria-labelledby='h-av']");
        await Assertions.Expect(coverage).ToContainTextAsync("Tắt bảo vệ thời gian thực");
        await coverage.Locator("a[href='/pcs?posture=realtime_off']").ClickAsync();
        await Navigation.WaitForUrlAsync(page, new Regex("posture=realtime_off"));
        var rows = page.Locator("#pc-list tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("PC-VANTHU");
        await Screenshots.SaveAsync(page, "10-may-tram-loc-diet-virus");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "PC-VANTHU" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pc-host")).ToHaveTextAsync("PC-VANTHU");
        await Assertions.Expect(page.Locator("#pc-os")).ToHaveTextAsync("Windows 11 Pro 23H2 (22631)");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-posture']")).ToContainTextAsync("Tắt bảo vệ thời gian thực");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-posture-history']")).ToContainTextAsync("(đến nay)");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-posture-incidents']")).ToContainTextAsync("Bảo vệ thời gian thực bị tắt");
        var events = page.Locator("section[aria-labelledby='h-events']");
        await Assertions.Expect(events.Locator("details.event")).ToHaveCountAsync(2);
        await events.Locator("details.event summary").First.ClickAsync();
        await Assertions.Expect(events.Locator("details.event").First).ToContainTextAsync("203.0.113.9");
        await Assertions.Expect(page.Locator("#h-revoke")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "11-may-tram-chi-tiet");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The other commune's officer cannot open it, not even by its address.
        var other = await fixture.SignInAsync("canbo.b");
        var response = await other.GotoAsync(page.Url);
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task Admin_RevokesAnAgent_FromItsPage()
    {
        var pc = await fixture.Site.AddPcAsync(DashboardSite.CommuneB, "PC-THU-HOI", "Windows 10 Pro", "Windows Defender", realtime: true, []);
        var page = await fixture.SignInAsync("admin");
        await page.GotoAsync($"/pcs/{pc.AgentId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("xác nhận");
        await page.GetByLabel("Tôi xác nhận thu hồi tác tử này").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thu hồi tác tử");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-inventory']")).ToContainTextAsync("Đã thu hồi");
        await Screenshots.SaveAsync(page, "12-may-tram-da-thu-hoi");
    }

    [Fact]
    public async Task HostileInventoryAndEvents_AreShownAsText_AndNoScriptRuns()
    {
        const string Host = "PC-<b id=\"xss-pc\">X</b>";
        const string Os = "Windows\"><img id=\"xss-os\" src=x onerror=\"window.__xss = 1\">";
        const string Product = "<svg id=\"xss-av\" onload=\"window.__xss = 2\"></svg>Defender";
        const string Field = "</td></tr></table><script>window.__xss = 3</script>";
        var hostile = new EventRecord
        {
            Provider = "Microsoft-Windows-PowerShell",
            EventId = 4104,
            Channel = "Microsoft-Windows-PowerShell/Operational",
            Computer = "' onmouseover='window.__xss = 4' data-x='",
            TimeCreated = At,
            RecordId = 900,
            Fields = [new EventField("ScriptBlockText", Field), new EventField("<i id=\"xss-name\">n</i>", "<iframe id=\"xss-frame\" src=\"javascript:window.top.__xss = 5\"></iframe>")],
        };
        var pc = await fixture.Site.AddPcAsync(DashboardSite.CommuneA, Host, Os, Product, realtime: true, [hostile]);
        var page = await fixture.SignInAsync("canbo.a");
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                cspViolations.Add(message.Text);
        };

        foreach (var path in new[] { "/", "/pcs", $"/pcs/{pc.AgentId}" })
        {
            await page.GotoAsync(path);
            await page.Mouse.MoveAsync(400, 400);
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"a payload ran on {path}");
            Assert.Equal(0, await page.Locator("#xss-pc, #xss-os, #xss-av, #xss-name, #xss-frame, [onmouseover], iframe, main script").CountAsync());
        }

        await Assertions.Expect(page.Locator("#pc-host")).ToHaveTextAsync(Host);
        await Assertions.Expect(page.Locator("#pc-os")).ToHaveTextAsync(Os);
        await Assertions.Expect(page.Locator("#pc-product")).ToHaveTextAsync(Product);
        var events = page.Locator("section[aria-labelledby='h-events']");
        await events.Locator("details.event summary").First.ClickAsync();
        await Assertions.Expect(events).ToContainTextAsync(Field);
        await Assertions.Expect(events).ToContainTextAsync("<i id=\"xss-name\">n</i>");
        await Assertions.Expect(events).ToContainTextAsync("' onmouseover='window.__xss = 4' data-x='");
        await Screenshots.SaveAsync(page, "13-may-tram-doc-hai");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.Empty(cspViolations);
    }
}
