using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using ATTT.Monitor.Events;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// Event content is attacker-controlled. Fields holding script, HTML and attribute-breaking payloads
/// must be shown as text: nothing runs, no element is created, and the CSP is never even tested.
/// </summary>
public sealed class HostileEventTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly string[] Payloads =
    [
        "<script>window.__xss = 1</script>",
        "<img id=\"xss-img\" src=x onerror=\"window.__xss = 2\">",
        "\"><svg id=\"xss-svg\" onload=\"window.__xss = 3\"></svg>",
        "' onmouseover='window.__xss = 4' data-x='",
        "</td></tr></table><iframe id=\"xss-frame\" src=\"javascript:window.top.__xss = 5\"></iframe>",
        "javascript:window.__xss = 6",
    ];

    [Fact]
    public async Task HostileFields_AreShownAsText_AndNoScriptRuns()
    {
        var host = "PC-<b id=\"xss-host\">X</b>";
        var at = fixture.Site.Clock.GetUtcNow().AddMinutes(-10);
        var fields = Payloads.Select((p, i) => new EventField("Payload" + i, p)).Append(new EventField("<i id=\"xss-name\">n</i>", "tên trường độc hại")).ToList();
        var hostile = new EventRecord
        {
            Provider = "Microsoft-Windows-PowerShell\"><script>window.__xss = 7</script>",
            EventId = 4104,
            Channel = "Microsoft-Windows-PowerShell/Operational",
            Computer = host,
            TimeCreated = at,
            RecordId = 77,
            Fields = fields,
        };
        var id = await fixture.Site.AddIncidentAsync(DashboardSite.CommuneA, host, "<script>window.__xss = 8</script> Lệnh PowerShell đáng ngờ", "critical", [hostile], "<img id=\"xss-desc\" src=x onerror=\"window.__xss = 9\">");

        var page = await fixture.SignInAsync("canbo.a");
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                cspViolations.Add(message.Text);
        };

        foreach (var path in new[] { "/", "/incidents", $"/incidents/{id}" })
        {
            await page.GotoAsync(path);
            await page.Mouse.MoveAsync(400, 400);
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"a payload ran on {path}");
            Assert.Equal(0, await page.Locator("#xss-img, #xss-svg, #xss-frame, #xss-host, #xss-name, #xss-desc, [onmouseover], iframe, main script").CountAsync());
        }

        var events = page.Locator("section[aria-labelledby='h-events']");
        foreach (var payload in Payloads)
            await Assertions.Expect(events).ToContainTextAsync(payload);
        await Assertions.Expect(page.Locator("#incident-title")).ToHaveTextAsync("<script>window.__xss = 8</script> Lệnh PowerShell đáng ngờ");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-rule']")).ToContainTextAsync("<img id=\"xss-desc\"");
        await Assertions.Expect(events).ToContainTextAsync("<i id=\"xss-name\">n</i>");
        await Screenshots.SaveAsync(page, "09-su-kien-doc-hai");
        Assert.Empty(cspViolations);
    }
}
