using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>One attack on one PC is one incident page: its timeline, category, playbook and Vietnamese explanation.</summary>
public sealed class AttackStoryPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly DateTimeOffset At = TestClock.DefaultStart.AddMinutes(-40);

    [Fact]
    public async Task An_attack_story_shows_its_timeline_category_playbook_steps_and_Vietnamese_explanation()
    {
        const string host = "PC-DIACHINH-03";
        var discovery = await fixture.Site.AddIncidentAsync(DashboardSite.CommuneA, host, "Whoami Utility Execution", "medium",
            [DashboardSite.FailedLogon(host, "diachinh", "10.0.0.9", At, 3001)], ruleId: "e2e-whoami", tags: ["attack.discovery", "attack.t1033"], productRule: false);
        var dump = await fixture.Site.AddIncidentAsync(DashboardSite.CommuneA, host, "LSASS Memory Dump Via Some Tool", "high",
            [DashboardSite.FailedLogon(host, "diachinh", "10.0.0.9", At.AddMinutes(5), 3002)], ruleId: "e2e-lsass", tags: ["attack.credential-access", "attack.t1003.001"], productRule: false);
        Assert.Equal(discovery, dump);

        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync($"/incidents/{dump}");

        await Assertions.Expect(page.Locator("#incident-title")).ToContainTextAsync("Kết xuất bộ nhớ LSASS");
        await Assertions.Expect(page.Locator("#incident-category")).ToHaveTextAsync("Tài khoản bị xâm phạm");
        var timeline = page.Locator("#incident-detections tbody tr");
        await Assertions.Expect(timeline).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Nth(0)).ToContainTextAsync("Dò tìm thông tin hệ thống");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("Đánh cắp thông tin đăng nhập");
        await Assertions.Expect(timeline.Nth(1)).ToContainTextAsync("LSASS Memory Dump Via Some Tool");
        var explanation = page.Locator("#incident-explanation");
        await Assertions.Expect(explanation).ToContainTextAsync("Chuyện gì đã xảy ra");
        await Assertions.Expect(page.Locator("#what-happened")).ToContainTextAsync("Kết xuất bộ nhớ LSASS");
        await Assertions.Expect(page.Locator("#what-to-do li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(explanation).ToContainTextAsync("LSASS Memory Dump Via Some Tool");
        var playbook = page.Locator("section[aria-labelledby='h-playbook']");
        await Assertions.Expect(playbook).ToContainTextAsync("tài khoản");
        await Assertions.Expect(playbook.Locator("ol.steps > li")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "04c-cau-chuyen-tan-cong");
    }
}
