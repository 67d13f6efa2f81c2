using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using ATTT.Monitor.Events;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// The rules page (disable per unit, false-positive filters from an incident) and the settings page
/// (contacts, retention) in the browser, with hostile filter values shown as text.
/// </summary>
public sealed class RulesAndSettingsTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string HostileValue = "<img id=\"xss-filter\" src=x onerror=\"window.__xss = 1\">";
    private const string HostileReason = "\"><script>window.__xss = 2</script> MISA hợp lệ";

    private Task<long> AddIncidentAsync(string host) =>
        fixture.Site.AddIncidentAsync(DashboardSite.CommuneA, host, DashboardSite.TestRuleTitle, "high",
        [
            new EventRecord
            {
                Provider = "Microsoft-Windows-Security-Auditing", EventId = 4688, Channel = "Security", Computer = host,
                TimeCreated = fixture.Site.Clock.GetUtcNow().AddMinutes(-5), RecordId = 501,
                Fields = [new EventField("Image", @"C:\Program Files\MISA\misa.exe"), new EventField("TargetUserName", "ketoan")],
            },
        ], "Kiểm thử bộ lọc.", DashboardSite.TestRuleId);

    [Fact]
    public async Task Officer_MarksAFalsePositiveFromAnIncident_DisablesTheRule_AndSeesHostileValuesAsText()
    {
        var id = await AddIncidentAsync("PC-KETOAN-07");
        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync($"/incidents/{id}");
        var timeline = page.Locator("section[aria-labelledby='h-timeline']");
        await Assertions.Expect(timeline).ToContainTextAsync("Mở sự cố");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đánh dấu cảnh báo nhầm và thêm bộ lọc" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rule-title")).ToHaveTextAsync(DashboardSite.TestRuleTitle);
        await Assertions.Expect(page.Locator("#field-0")).ToHaveValueAsync("host");
        await Assertions.Expect(page.Locator("#value-0")).ToHaveValueAsync("PC-KETOAN-07");
        await Assertions.Expect(page.Locator("#field-1")).ToHaveValueAsync("Image");
        await page.Locator("#field-2").FillAsync("CommandLine");
        await page.Locator("#value-2").FillAsync(HostileValue);
        await page.Locator("#filter-reason").FillAsync(HostileReason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm bộ lọc cảnh báo nhầm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm bộ lọc.");

        var filters = page.Locator("#filters");
        await Assertions.Expect(filters).ToContainTextAsync(HostileValue);
        await Assertions.Expect(filters).ToContainTextAsync(HostileReason);
        await Assertions.Expect(filters).ToContainTextAsync("canbo.a");
        await Assertions.Expect(filters).ToContainTextAsync(DashboardSite.CommuneA);
        await AssertNothingRanAsync(page);

        await page.Locator("#disable-reason").FillAsync("Đang cài lại phần mềm kế toán");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tắt luật" }).ClickAsync();
        await Assertions.Expect(page.Locator("#disablements")).ToContainTextAsync("Đang cài lại phần mềm kế toán");
        await Screenshots.SaveAsync(page, "10-luat-chi-tiet");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/rules");
        await Assertions.Expect(page.Locator("#all-filters")).ToContainTextAsync(HostileValue);
        await Assertions.Expect(page.Locator("#all-disablements")).ToContainTextAsync(DashboardSite.CommuneA);
        await AssertNothingRanAsync(page);
        await Screenshots.SaveAsync(page, "06-luat-co-bo-loc");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The province viewer sees both, with no form; commune B sees neither.
        var viewer = await fixture.SignInAsync("xem");
        await viewer.GotoAsync("/rules/rule?id=" + DashboardSite.TestRuleId);
        await Assertions.Expect(viewer.Locator("#filters")).ToContainTextAsync(HostileValue);
        await Assertions.Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Tắt luật" })).ToHaveCountAsync(0);
        await Assertions.Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Gỡ bộ lọc" })).ToHaveCountAsync(0);
        var other = await fixture.SignInAsync("canbo.b");
        await other.GotoAsync("/rules/rule?id=" + DashboardSite.TestRuleId);
        await Assertions.Expect(other.Locator("#filters")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator("#rule-enabled-everywhere")).ToBeVisibleAsync();

        // Back on the officer's page: enable again and remove the filter, each with a reason.
        await page.GotoAsync("/rules/rule?id=" + DashboardSite.TestRuleId);
        await page.GetByLabel($"Lý do bật lại ({DashboardSite.CommuneA})").FillAsync("Đã cài xong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật lại" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rule-enabled-everywhere")).ToBeVisibleAsync();
        await page.Locator("#filters input[name='reason']").FillAsync("MISA đã được gỡ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gỡ bộ lọc" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gỡ bộ lọc.");
        await Assertions.Expect(page.Locator("#filters")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Administrator_SeesContactsAndChangesTheEventsRetention()
    {
        var page = await fixture.SignInAsync("admin");
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-contacts']")).ToContainTextAsync("tệp cấu hình");
        await page.GetByLabel("Số ngày lưu giữ sự kiện").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thời gian lưu giữ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("45 ngày");
        await Assertions.Expect(page.Locator("#retention-current")).ToContainTextAsync("Đặt bởi admin");
        await Screenshots.SaveAsync(page, "08-cai-dat-luu-giu");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private static async Task AssertNothingRanAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"a payload ran on {page.Url}");
        Assert.Equal(0, await page.Locator("#xss-filter, main script").CountAsync());
    }
}
