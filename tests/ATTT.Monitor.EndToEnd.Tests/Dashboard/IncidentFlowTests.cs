using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>The IT officer's triage of an incident in the browser, and who may see and change what.</summary>
public sealed class IncidentFlowTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly DateTimeOffset At = TestClock.DefaultStart.AddMinutes(-30);

    private Task<long> AddBruteForceAsync(string unit, string host) =>
        fixture.Site.AddIncidentAsync(unit, host, "Nhiều lần đăng nhập thất bại / Multiple failed logons", "high",
        [
            DashboardSite.FailedLogon(host, "ketoan", "203.0.113.7", At, 1001),
            DashboardSite.FailedLogon(host, "ketoan", "203.0.113.7", At.AddSeconds(5), 1002),
        ], "Nhiều lần đăng nhập sai từ một địa chỉ.");

    [Fact]
    public async Task Officer_FindsOpensAssignsCommentsAndResolvesAnIncident()
    {
        var id = await AddBruteForceAsync(DashboardSite.CommuneA, "PC-KETOAN-01");
        var page = await fixture.SignInAsync("canbo.a");
        await Screenshots.SaveAsync(page, "02-tong-quan-co-su-co");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sự cố", Exact = true }).ClickAsync();
        var link = page.Locator($"a[href='/incidents/{id}']");
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "03-danh-sach-su-co");
        await link.ClickAsync();

        await Assertions.Expect(page.Locator("#incident-state")).ToHaveTextAsync("Mới");
        var events = page.Locator("section[aria-labelledby='h-events']");
        await Assertions.Expect(events).ToContainTextAsync("TargetUserName");
        await Assertions.Expect(events).ToContainTextAsync("203.0.113.7");
        await Assertions.Expect(events).ToContainTextAsync("4625");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-rule']")).ToContainTextAsync("attack.t1110");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "04-chi-tiet-su-co");

        await page.GetByLabel("Giao cho").FillAsync("canbo.a");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao việc" }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-assignee")).ToHaveTextAsync("canbo.a");

        await page.GetByLabel("Thêm ghi chú").FillAsync("Đã rút cáp mạng máy kế toán, đang kiểm tra.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu ghi chú" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-comments']")).ToContainTextAsync("Đã rút cáp mạng máy kế toán");

        // The account-compromise playbook answers a brute-force incident: tick off its first step.
        var playbook = page.Locator("section[aria-labelledby='h-playbook']");
        await Assertions.Expect(playbook.Locator("ol.steps > li")).Not.ToHaveCountAsync(0);
        await playbook.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-playbook'] .step-done")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-playbook'] .step-done")).ToContainTextAsync("canbo.a");

        await page.GetByLabel("Chuyển trạng thái").SelectOptionAsync("in_progress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cập nhật trạng thái" }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-state")).ToHaveTextAsync("Đang xử lý");

        await page.GetByLabel("Chuyển trạng thái").SelectOptionAsync("resolved");
        await page.GetByLabel("Ghi chú kèm theo (không bắt buộc)").FillAsync("Đã đổi mật khẩu tài khoản ketoan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cập nhật trạng thái" }).ClickAsync();
        await Assertions.Expect(page.Locator("#incident-state")).ToHaveTextAsync("Đã khắc phục");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-timeline']")).ToContainTextAsync("canbo.a");
        await Screenshots.SaveAsync(page, "04b-su-co-da-khac-phuc");
    }

    [Fact]
    public async Task Viewer_SeesTheIncident_ButCannotChangeAnything()
    {
        var id = await AddBruteForceAsync(DashboardSite.CommuneA, "PC-VANTHU-02");
        var page = await fixture.SignInAsync("xem");
        await page.GotoAsync($"/incidents/{id}");
        await Assertions.Expect(page.Locator("#incident-state")).ToHaveTextAsync("Mới");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Giao việc" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu ghi chú" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cập nhật trạng thái" })).ToHaveCountAsync(0);

        // Posting the form anyway, with a valid antiforgery token of the viewer's own session.
        var token = await page.Locator("input[name='__csrf']").First.InputValueAsync();
        var response = await page.Context.APIRequest.PostAsync($"/incidents/{id}?handler=Comment", new()
        {
            Data = FormOf(("__csrf", token), ("text", "người xem không được ghi")),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
        Assert.Contains("/forbidden", response.Headers["location"], StringComparison.Ordinal);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-comments']")).Not.ToContainTextAsync("người xem không được ghi");
        await Assertions.Expect(page.Locator("#incident-state")).ToHaveTextAsync("Mới");
    }

    [Fact]
    public async Task CommuneUser_CannotSeeAnotherCommunesIncident_InPagesOrApi()
    {
        var idA = await AddBruteForceAsync(DashboardSite.CommuneA, "PC-CHUTICH-03");
        var idB = await AddBruteForceAsync(DashboardSite.CommuneB, "PC-VUCHAN-01");
        var page = await fixture.SignInAsync("canbo.b");
        await page.GotoAsync("/incidents?state=all");
        await Assertions.Expect(page.Locator($"a[href='/incidents/{idB}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"a[href='/incidents/{idA}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("PC-CHUTICH-03");
        var detail = await page.GotoAsync($"/incidents/{idA}");
        Assert.Equal(404, detail!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Không tìm thấy", Level = 1 })).ToBeVisibleAsync();

        var api = await page.Context.APIRequest.GetAsync($"/api/v1/incidents/{idA}");
        Assert.Equal(404, api.Status);
        var list = await page.Context.APIRequest.GetAsync("/api/v1/incidents");
        Assert.Equal(200, list.Status);
        var body = await list.TextAsync();
        Assert.DoesNotContain("PC-CHUTICH-03", body, StringComparison.Ordinal);
        Assert.Contains("PC-VUCHAN-01", body, StringComparison.Ordinal);
    }

    private static string FormOf(params (string Name, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
}
