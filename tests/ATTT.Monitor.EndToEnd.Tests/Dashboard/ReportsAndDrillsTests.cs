using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>The authorities' report forms of an incident and a drill run's sign-off and after-action report, in the browser.</summary>
public sealed class ReportsAndDrillsTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Hostile = "<script>window.__pwned=1</script>\"><img src=x onerror=\"window.__pwned=2\">";
    private static readonly DateTimeOffset At = TestClock.DefaultStart.AddMinutes(-40);

    private Task<long> AddIncidentAsync(string host) =>
        fixture.Site.AddIncidentAsync(DashboardSite.CommuneA, host, "Đăng nhập thất bại " + Hostile, "high",
        [
            DashboardSite.FailedLogon(host, "ketoan", "203.0.113.9", At, 2001),
            DashboardSite.FailedLogon(host, "ketoan", "203.0.113.9", At.AddSeconds(3), 2002),
        ]);

    /// <summary>Collects what the browser reports as a Content-Security-Policy violation.</summary>
    private static List<string> CspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        return violations;
    }

    [Fact]
    public async Task Officer_EditsAndSendsForm03_DownloadsThePdf_AndTheSentReportIsFrozen()
    {
        var id = await AddIncidentAsync("PC-MOTCUA-07");
        var page = await fixture.SignInAsync("canbo.a");
        var csp = CspViolations(page);
        await page.GotoAsync($"/incidents/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập / mở Biểu mẫu 03" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Bản nháp");
        await Assertions.Expect(page.GetByLabel("4. Mô tả sơ bộ về sự cố")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("window.__pwned"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "10-bieu-mau-03-ban-nhap");

        await page.GetByLabel("9. Đề nghị hỗ trợ").FillAsync("Đề nghị Công an tỉnh hỗ trợ kiểm tra máy " + Hostile);
        await page.GetByLabel("3.2. Cấp độ an toàn hệ thống thông tin").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu bản nháp.");
        await Assertions.Expect(page.GetByLabel("9. Đề nghị hỗ trợ")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Đề nghị Công an tỉnh hỗ trợ"));
        var reportUrl = page.Url;

        // The printable page: A4 style applied from the linked stylesheet, content shown as text, nothing run.
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem bản in (A4)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Đề nghị Công an tỉnh hỗ trợ kiểm tra máy <script>");
        // The print stylesheet is a separate request: retry until it has applied rather than read once.
        await Assertions.Expect(page.Locator("table").First).ToHaveCSSAsync("border-collapse", "collapse");
        Assert.Null(await page.EvaluateAsync<object?>("() => window.__pwned ?? null"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "11-bieu-mau-03-ban-in");
        await page.GotoAsync(reportUrl);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 1000, $"PDF of {bytes.Length} bytes");
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        // The downloaded PDF reads, in poppler's pdftotext, with every label of the form as written.
        var words = await PdfText.WordsAsync(bytes, TestContext.Current.CancellationToken);
        var report = (await fixture.Site.App.Services.GetRequiredService<IReportService>().ListAsync(id, TestContext.Current.CancellationToken)).Single();
        Assert.All(ReportLayout.Rows(report).Select(r => r.Number + ". " + r.Label).Append(ReportForm.Title(ReportForm.Initial)).Append(ReportLayout.Nation),
            label => Assert.True(PdfText.Reads(words, label), $"\"{label}\" is not in the PDF's text: {string.Join(' ', words)}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("xác nhận");
        await page.GetByLabel("Tôi đã kiểm tra nội dung").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Đã gửi");
        await Assertions.Expect(page.Locator("#report-sent")).ToContainTextAsync("canbo.a");
        await Assertions.Expect(page.Locator("textarea, select[name^='Fields'], input[name^='Fields']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-report-view']")).ToContainTextAsync("Đề nghị Công an tỉnh hỗ trợ kiểm tra máy <script>");
        Assert.Null(await page.EvaluateAsync<object?>("() => window.__pwned ?? null"));
        await Screenshots.SaveAsync(page, "12-bieu-mau-03-da-gui");

        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại sự cố" }).ClickAsync();
        var reports = page.Locator("section[aria-labelledby='h-reports']");
        await Assertions.Expect(reports.Locator("tr.report-row")).ToHaveCountAsync(1);
        await Assertions.Expect(reports).ToContainTextAsync("Đã gửi");
        await Assertions.Expect(reports).ToContainTextAsync("canbo.a");
        Assert.Empty(csp);
    }

    [Fact]
    public async Task Viewer_ReadsAReport_ButCannotEditOrSendIt()
    {
        var id = await AddIncidentAsync("PC-DIACHINH-04");
        var draft = await fixture.Site.App.Services.GetRequiredService<IReportService>().CreateDraftAsync(id, ReportForm.Initial, TestContext.Current.CancellationToken);
        var page = await fixture.SignInAsync("xem");
        await page.GotoAsync($"/incidents/{id}");
        await Assertions.Expect(page.Locator("section[aria-labelledby='h-reports'] tr.report-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lập / mở Biểu mẫu 03" })).ToHaveCountAsync(0);
        await page.GotoAsync($"/incidents/{id}/reports/{draft.Id}");
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Bản nháp");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi báo cáo" })).ToHaveCountAsync(0);

        var token = await page.Locator("input[name='__csrf']").First.InputValueAsync();
        var response = await page.Context.APIRequest.PostAsync($"/incidents/{id}/reports/{draft.Id}?handler=Send", new()
        {
            Data = $"__csrf={Uri.EscapeDataString(token)}&confirm=true&Fields.SupportRequested=viewer",
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
        Assert.Contains("/forbidden", response.Headers["location"], StringComparison.Ordinal);
        var stored = await fixture.Site.App.Services.GetRequiredService<IReportService>().GetAsync(draft.Id, TestContext.Current.CancellationToken);
        Assert.True(stored!.IsDraft);
    }

    [Fact]
    public async Task Coordinator_SignsOffADrillStep_WritesLessons_AndOpensTheAfterActionReport()
    {
        var run = await fixture.Site.AddFinishedDrillAsync("ma-doc-may-tram", DashboardSite.CommuneA);
        var page = await fixture.SignInAsync("dieuphoi");
        var csp = CspViolations(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Diễn tập", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Lần diễn tập #{run}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#drill-timeline")).ToContainTextAsync("Phát hiện (luật cảnh báo kích hoạt)");
        await Assertions.Expect(page.Locator("#drill-status")).ToContainTextAsync("Đã thực hiện");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Ghi chú bước 1").FillAsync("Đã rút cáp mạng " + Hostile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#step-cach-ly-may .step-done")).ToContainTextAsync("dieuphoi");
        await Assertions.Expect(page.Locator("#step-cach-ly-may .step-done")).ToContainTextAsync("<script>");
        await page.GetByLabel("Ghi bài học kinh nghiệm").FillAsync("Cần in sẵn số điện thoại của Công an tỉnh.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bài học" }).ClickAsync();
        await Assertions.Expect(page.Locator("#drill-lessons")).ToHaveTextAsync("Cần in sẵn số điện thoại của Công an tỉnh.");
        await Screenshots.SaveAsync(page, "13-dien-tap-chi-tiet");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải CSV" }).ClickAsync());
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("dieuphoi", text, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Xem bản in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "BÁO CÁO SAU DIỄN TẬP" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Cần in sẵn số điện thoại của Công an tỉnh.");
        // The print stylesheet is a separate request: retry until it has applied rather than read once.
        await Assertions.Expect(page.Locator("table").First).ToHaveCSSAsync("border-collapse", "collapse");
        Assert.Null(await page.EvaluateAsync<object?>("() => window.__pwned ?? null"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "14-bao-cao-sau-dien-tap");
        Assert.Empty(csp);
    }

    [Fact]
    public async Task ProvinceAdmin_OpensTheDeadLettersPage_FromAnIncident()
    {
        var id = await AddIncidentAsync("PC-TUPHAP-05");
        var page = await fixture.SignInAsync("admin");
        await page.GotoAsync($"/incidents/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thư không gửi được (quản trị)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thư thông báo không gửi được", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "15-thu-khong-gui-duoc");
    }
}
