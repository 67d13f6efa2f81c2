using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Reports.Monthly;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// The PDFs an officer makes from the pages, over the incidents opened from the samples: poppler's
/// pdftotext reads every Vietnamese label of Biểu mẫu 03 and every line of the monthly report
/// exactly as written (no letter lost to a font without Vietnamese).
/// </summary>
[Collection(DeskCollection.Name)]
public sealed class ReportPdfTests(DeskSiteFixture fixture)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, Ct);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        return bytes;
    }

    private static void AssertReads(string[] words, IEnumerable<string> labels)
    {
        foreach (var label in labels.Where(l => !string.IsNullOrWhiteSpace(l)))
            Assert.True(PdfText.Reads(words, label), $"\"{label}\" is not in the PDF's text: {string.Join(' ', words)}");
    }

    [Fact]
    public async Task Monthly_report_pdf_made_from_its_page_reads_every_line_in_vietnamese()
    {
        var page = await fixture.SignInAsync("canbo.a");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tháng", Exact = true }).ClickAsync();
        var month = DashboardSiteMonth();
        await page.GetByLabel("Tháng", new() { Exact = true }).FillAsync(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        var report = await fixture.Site.App.Services.GetRequiredService<IMonthlyReports>().BuildAsync(DashboardSite.CommuneA, month.Year, month.Month, Ct);
        Assert.True(report.Incidents > 0, "the month holds no incident of the samples");
        await Assertions.Expect(page.Locator("#monthly-report")).ToContainTextAsync($"1. Tổng số sự cố: {report.Incidents}");
        await Screenshots.SaveAsync(page, "24-bao-cao-thang");

        var words = await PdfText.WordsAsync(await DownloadAsync(page, "Tải PDF"), Ct);
        AssertReads(words, [MonthlyReportDocument.Title, MonthlyReportDocument.MonthLabel(report), MonthlyReportDocument.Period(report), .. MonthlyReportDocument.Lines(report).Select(l => l.Trim())]);
    }

    [Fact]
    public async Task Form_03_pdf_made_from_an_incident_page_reads_every_label_in_vietnamese()
    {
        var incidents = fixture.Site.App.Services.GetRequiredService<IIncidentService>();
        var incident = (await incidents.QueryAsync(new IncidentQuery { Unit = DashboardSite.CommuneA, States = null, Host = "PC04.example.corp", Limit = 1 }, UnitScope.All, Ct)).Items.Single();
        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync($"/incidents/{incident.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập / mở Biểu mẫu 03" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-status")).ToHaveTextAsync("Bản nháp");
        await page.GetByLabel("9. Đề nghị hỗ trợ").FillAsync("Đề nghị Công an tỉnh hỗ trợ phân tích máy PC04 (nghi bị đánh cắp mật khẩu).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu bản nháp.");

        var words = await PdfText.WordsAsync(await DownloadAsync(page, "Tải PDF"), Ct);
        var report = (await fixture.Site.App.Services.GetRequiredService<IReportService>().ListAsync(incident.Id, Ct)).Single();
        AssertReads(words, [ReportForm.Title(ReportForm.Initial), ReportLayout.Nation, .. ReportLayout.Rows(report).Select(r => r.Number + ". " + r.Label),
            "Đề nghị Công an tỉnh hỗ trợ phân tích máy PC04 (nghi bị đánh cắp mật khẩu)."]);
    }

    /// <summary>The month the site's clock is in (Vietnam time): the samples' incidents were detected in it.</summary>
    private DateTime DashboardSiteMonth()
    {
        var local = fixture.Site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        return new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
    }
}
