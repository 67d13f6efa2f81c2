using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>A form's answer is a redirect to a page fetched with GET, so the browser's reload repeats nothing.</summary>
public sealed class RefreshRepeatsNothingTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reloading_after_RunNow_starts_no_second_drill_run()
    {
        var drills = fixture.Site.App.Services.GetRequiredService<IDrillService>();
        var before = (await drills.HistoryAsync(null, Ct)).Count;
        var page = await fixture.SignInAsync("admin");
        await page.GotoAsync("/drills");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Diễn tập ngay") }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã yêu cầu chạy diễn tập");
        Assert.Equal(before + 1, (await drills.HistoryAsync(null, Ct)).Count);

        for (var reload = 0; reload < 2; reload++)
        {
            var response = await page.ReloadAsync();
            Assert.Equal("GET", response!.Request.Method);
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã yêu cầu chạy diễn tập");
        }

        Assert.Equal(before + 1, (await drills.HistoryAsync(null, Ct)).Count);
    }

    [Fact]
    public async Task Reloading_after_a_comment_adds_no_second_comment()
    {
        var id = await fixture.Site.AddIncidentAsync(DashboardSite.CommuneA, "PC-MOTCUA-09", "Đăng nhập thất bại", "medium",
            [DashboardSite.FailedLogon("PC-MOTCUA-09", "motcua", "203.0.113.20", TestClock.DefaultStart.AddMinutes(-5), 9001)]);
        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync($"/incidents/{id}");
        await page.GetByLabel("Thêm ghi chú").FillAsync("Đã kiểm tra máy một cửa.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu ghi chú" }).ClickAsync();
        var comments = page.Locator("section[aria-labelledby='h-comments'] ol.comments > li");
        await Assertions.Expect(comments).ToHaveCountAsync(1);

        var response = await page.ReloadAsync();
        Assert.Equal("GET", response!.Request.Method);
        await Assertions.Expect(comments).ToHaveCountAsync(1);
        var audit = await fixture.Site.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "incidents" }, Ct);
        Assert.Single(audit, a => a.Action == "commented" && a.Target == $"incident:{id}");
    }
}
