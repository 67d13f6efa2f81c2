using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Dashboard.Charts;
using ATTT.Monitor.Collector.Dashboard.Exports;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The triage desk on the running collector: bulk changes from the list, exports, the monthly report page, PCs only events name, chart numbers.</summary>
public sealed class DeskPagesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static async Task<long[]> OpenAsync(DashboardServer server, string unit, params string[] hosts)
    {
        var manager = server.App.Services.GetRequiredService<IncidentManager>();
        var at = server.Clock.GetUtcNow().AddMinutes(-5);
        var changes = await manager.RecordDetectionsAsync([.. hosts.Select((h, n) => Hits.Brute(n + 1, at, h, unit) with { RuleTitle = "=HYPERLINK(\"x\") Đăng nhập sai nhiều lần" })], Ct);
        return [.. changes.Select(c => c.IncidentId).Distinct()];
    }

    [Fact]
    public async Task Bulk_close_from_the_list_redirects_back_says_what_changed_and_audits_each_incident()
    {
        await using var server = await DashboardServer.StartAsync();
        var ids = await OpenAsync(server, DashboardServer.CommuneA, "PC-1", "PC-2");
        using var officer = await server.SignInAsync("canbo.a");

        var posted = await officer.PostFormAsync("/incidents", "/incidents?handler=Bulk&state=new",
            new() { ["scope"] = "filter", ["action"] = "state", ["newState"] = "closed", ["note"] = "đã kiểm tra, không có hại" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var back = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/incidents?state=new", back, StringComparison.Ordinal);
        var page = await officer.GetStringAsync(back);
        Assert.Contains("Đổi trạng thái: đã thay đổi 2 sự cố, không thay đổi được 0 sự cố.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("đã thay đổi 2", await officer.GetStringAsync(back), StringComparison.Ordinal);
        var audit = server.App.Services.GetRequiredService<IAuditLog>();
        foreach (var id in ids)
        {
            var rows = await audit.QueryAsync(new AuditQuery { Area = IncidentsSchema.Area, Target = IncidentTarget.Of(id) }, Ct);
            Assert.Single(rows, r => r.Action == "state_changed" && r.Actor == "canbo.a" && r.Details!.EndsWith("đã kiểm tra, không có hại", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_viewer_cannot_post_a_bulk_change_and_another_communes_incident_is_reported_as_not_found()
    {
        await using var server = await DashboardServer.StartAsync();
        var theirs = (await OpenAsync(server, DashboardServer.CommuneB, "PC-B"))[0];
        using var officer = await server.SignInAsync("canbo.a");

        var posted = await officer.PostFormAsync("/incidents", "/incidents?handler=Bulk",
            new() { ["scope"] = "selected", ["ids"] = theirs.ToString(CultureInfo.InvariantCulture), ["action"] = "comment", ["note"] = "thử" });
        var page = await officer.GetStringAsync(posted.Headers.Location!.OriginalString);

        Assert.Contains("đã thay đổi 0 sự cố, không thay đổi được 1 sự cố", page, StringComparison.Ordinal);
        Assert.Contains($"Không có sự cố {theirs} trong phạm vi đơn vị của bạn", page, StringComparison.Ordinal);
        Assert.Empty((await server.App.Services.GetRequiredService<IIncidentService>().GetAsync(theirs, UnitScope.All, Ct))!.Comments);
        using var viewer = await server.SignInAsync("xem");
        var refused = await viewer.PostFormAsync("/incidents", "/incidents?handler=Bulk", new() { ["scope"] = "filter", ["action"] = "comment", ["note"] = "x" });
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/forbidden", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_filter_exports_as_csv_with_bom_and_safe_cells_and_as_json()
    {
        await using var server = await DashboardServer.StartAsync();
        await OpenAsync(server, DashboardServer.CommuneA, "PC-KẾ-TOÁN");
        await OpenAsync(server, DashboardServer.CommuneB, "PC-B");
        using var officer = await server.SignInAsync("canbo.a");

        var csv = await officer.GetAsync("/incidents?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Số sự cố,Mức độ,Sự cố,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains("PC-KẾ-TOÁN", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\") Đăng nhập sai nhiều lần\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("PC-B", text, StringComparison.Ordinal);

        var json = await officer.GetAsync("/incidents?handler=Json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct));
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("PC-KẾ-TOÁN", only.GetProperty("host").GetString());
        Assert.Equal("new", only.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_monthly_report_page_prints_and_downloads_a_pdf_with_the_mails_vietnamese_lines()
    {
        await using var server = await DashboardServer.StartAsync(true, "--Notifications:Reporting:Organisation=UBND xã Sảng Mộc");
        using var officer = await server.SignInAsync("canbo.a");
        var local = server.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var page = await officer.GetStringAsync("/reports/monthly");
        Assert.Contains("BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN HÀNG THÁNG", page, StringComparison.Ordinal);
        Assert.Contains("1. Tổng số sự cố: 0", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{month}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/reports/monthly?unit=" + Uri.EscapeDataString(DashboardServer.CommuneB))).StatusCode);
        var print = await officer.GetStringAsync("/reports/monthly?handler=Print");
        Assert.Contains("<link rel=\"stylesheet\" href=\"/print-styles/report\">", print, StringComparison.Ordinal);
        Assert.Contains("Đơn vị: " + DashboardServer.CommuneA, print, StringComparison.Ordinal);

        var pdf = await officer.GetAsync("/reports/monthly?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "thang.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync(Ct), Ct);
        var text = PdfToText(file);
        Assert.Contains("BÁO CÁO TÌNH HÌNH AN TOÀN THÔNG TIN HÀNG THÁNG", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị: " + DashboardServer.CommuneA, text, StringComparison.Ordinal);
        Assert.Contains("Tổng số sự cố: 0", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian khắc phục (trung vị)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pcs_list_shows_a_host_only_incidents_name_with_its_own_page_and_the_incident_links_to_it()
    {
        await using var server = await DashboardServer.StartAsync();
        var id = (await OpenAsync(server, DashboardServer.CommuneA, "MAY-CHUA-CAI"))[0];
        using var officer = await server.SignInAsync("canbo.a");

        var list = await officer.GetStringAsync("/pcs");
        Assert.Contains("Máy trạm chỉ thấy trong sự kiện (chưa cài tác tử)", list, StringComparison.Ordinal);
        var link = "/pcs/host?unit=" + Uri.EscapeDataString(DashboardServer.CommuneA) + "&amp;name=MAY-CHUA-CAI";
        Assert.Contains(link, list, StringComparison.Ordinal);
        Assert.Contains(link, await officer.GetStringAsync($"/incidents/{id}"), StringComparison.Ordinal);
        Assert.Contains(link, await officer.GetStringAsync("/incidents"), StringComparison.Ordinal);
        var host = await officer.GetStringAsync(WebUtility.HtmlDecode(link));
        Assert.Contains("Chưa cài tác tử: chỉ thấy trong sự kiện", host, StringComparison.Ordinal);
        Assert.Contains($"href=\"/incidents/{id}\"", host, StringComparison.Ordinal);
        using var other = await server.SignInAsync("canbo.b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(WebUtility.HtmlDecode(link))).StatusCode);
    }

    [Fact]
    public async Task The_overview_counts_incidents_by_detection_time_even_when_their_events_are_old()
    {
        await using var server = await DashboardServer.StartAsync();
        var manager = server.App.Services.GetRequiredService<IncidentManager>();
        await manager.RecordDetectionsAsync([Hits.Brute(1, server.Clock.GetUtcNow().AddDays(-200), "PC-CU", DashboardServer.CommuneA)], Ct);
        using var officer = await server.SignInAsync("canbo.a");

        var overview = await officer.GetStringAsync("/");

        Assert.Contains("Sự cố được phát hiện mỗi ngày (30 ngày qua)", overview, StringComparison.Ordinal);
        Assert.Contains("data-value=\"1\"", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_numbers_and_csv_cells_do_not_depend_on_the_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            Assert.Equal("12,5", 12.5.ToString(CultureInfo.CurrentCulture));
            var chart = BarChart.Build("x", [("a", 1), ("b", 2), ("c", 3)], labelEvery: 1, width: 100);
            Assert.All(chart.Bars, b => Assert.DoesNotContain(",", SvgNumber.Of(b.X) + SvgNumber.Of(b.Width) + SvgNumber.Of(b.Height), StringComparison.Ordinal));
            Assert.Equal("33.33", SvgNumber.Of(100 / 3.0));
            Assert.Equal("-1.5", CsvWriter.Cell("-1.5"));
            Assert.Equal("'-1,5", CsvWriter.Cell("-1,5").Trim('"'));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal("'@SUM(A1)", CsvWriter.Cell("@SUM(A1)"));
        Assert.Equal("\"a,\"\"b\"\"\"", CsvWriter.Cell("a,\"b\""));
        Assert.Equal("'+1 đồng", CsvWriter.Cell("+1 đồng"));
        var csv = new CsvWriter("một", "hai").Row("Xã Sảng Mộc", null);
        Assert.Equal("\uFEFFmột,hai\r\nXã Sảng Mộc,\r\n", csv.ToString());
        Assert.Equal(1, csv.Rows);
        Assert.Throws<ArgumentException>(() => csv.Row("chỉ một"));
    }

    private static string PdfToText(string file)
    {
        if (!File.Exists("/usr/bin/pdftotext"))
            Assert.Skip("pdftotext is not installed; run scripts/install-test-deps.sh (poppler-utils)");
        var start = new ProcessStartInfo("/usr/bin/pdftotext", [file, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
