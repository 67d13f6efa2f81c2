using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The report forms (Biểu mẫu 03/04) of an incident in the dashboard: who may do what, encoding, freezing.</summary>
public sealed class ReportPagesTests
{
    private const string Hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Task<DashboardServer> StartAsync() => DashboardServer.StartAsync(true,
        "--Notifications:Contacts:0:Id=congan",
        "--Notifications:Contacts:0:Name=Phòng An ninh mạng - Công an tỉnh",
        "--Notifications:Contacts:0:Email=anm@congan.example.vn",
        "--Notifications:Contacts:0:Role=police",
        "--Notifications:Contacts:0:IsAuthority=true",
        "--Notifications:Routes:0:Name=nghiêm trọng",
        "--Notifications:Routes:0:MinSeverity=High",
        "--Notifications:Routes:0:To:0=congan",
        "--Notifications:Reporting:Organisation=UBND xã Sảng Mộc");

    private static async Task<long> OpenIncidentAsync(DashboardServer server, string unit, string level = "critical")
    {
        var manager = server.App.Services.GetRequiredService<IncidentManager>();
        var changes = await manager.RecordDetectionsAsync([Hits.Brute(1, server.Clock.GetUtcNow().AddMinutes(-5), "PC-" + Guid.NewGuid().ToString("N")[..6], unit, level: level) with { RuleTitle = Hostile }], Ct);
        return changes[^1].IncidentId;
    }

    private static async Task<long> CreateDraftAsync(DashboardClient client, long incident, string form = ReportForm.Initial)
    {
        var created = await client.PostFormAsync($"/incidents/{incident}", $"/incidents/{incident}/reports?handler=Create", new() { ["form"] = form });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.StartsWith($"/incidents/{incident}/reports/", location, StringComparison.Ordinal);
        return long.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Edited(string support) => new()
    {
        ["Fields.ReportingOrganisation"] = "UBND xã Sảng Mộc",
        ["Fields.Description"] = "Mô tả: " + Hostile,
        ["Fields.SupportRequested"] = support,
        ["Fields.SecurityLevel"] = "3",
        ["Fields.KeepConfidential"] = "true",
        ["Fields.Signatory"] = "Chủ tịch UBND xã",
    };

    [Fact]
    public async Task Officer_EditsPrintsDownloadsAndSendsForm03_ThenItIsFrozen()
    {
        await using var server = await StartAsync();
        var incident = await OpenIncidentAsync(server, DashboardServer.CommuneA);
        using var officer = await server.SignInAsync("canbo.a");

        var detail = await officer.GetStringAsync($"/incidents/{incident}");
        Assert.Contains("Lập / mở Biểu mẫu 03", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Lập / mở Biểu mẫu 04", detail, StringComparison.Ordinal);
        var reportId = await CreateDraftAsync(officer, incident);
        Assert.Equal(reportId, await CreateDraftAsync(officer, incident));
        var page = $"/incidents/{incident}/reports/{reportId}";

        var saved = await officer.PostFormAsync(page, page + "?handler=Save", Edited("Đề nghị hỗ trợ phân tích."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await officer.GetStringAsync(page);
        Assert.Contains("Bản nháp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        var print = await officer.GetAsync(page + "?handler=Print");
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        Assert.DoesNotContain("unsafe-inline", string.Join(";", print.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var printed = await print.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<style", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", printed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/print-styles/report\">", printed, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO BAN ĐẦU SỰ CỐ AN TOÀN THÔNG TIN MẠNG", printed, StringComparison.Ordinal);
        Assert.Contains("Đề nghị hỗ trợ phân tích.", printed, StringComparison.Ordinal);
        var css = await officer.GetAsync("/print-styles/report");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("size: A4", await css.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var pdf = await officer.GetAsync(page + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF-"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync(Ct))[..5]);

        var unconfirmed = await officer.PostFormAsync(page, page + "?handler=Send", Edited("x"));
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Hãy đánh dấu xác nhận", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var send = Edited("Đề nghị Công an tỉnh hỗ trợ.");
        send["confirm"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(page, page + "?handler=Send", send)).StatusCode);

        var reports = server.App.Services.GetRequiredService<IReportService>();
        var sent = (await reports.GetAsync(reportId, Ct))!;
        Assert.Equal(IncidentReport.Sent, sent.Status);
        Assert.Equal("Đề nghị Công an tỉnh hỗ trợ.", sent.Fields.SupportRequested);
        Assert.Equal(3, sent.Fields.SecurityLevel);
        var notices = await server.App.Services.GetRequiredService<INotificationQueries>().GetNoticesAsync(incident, Ct);
        Assert.Contains(notices, n => n.Kind == "report" && n.RecipientEmail == "anm@congan.example.vn");
        var audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "incidents", Target = IncidentTarget.Of(incident) }, Ct);
        Assert.Contains(audit, a => a.Action == "report_sent" && a.Actor == "canbo.a");
        Assert.Contains(audit, a => a.Action == "report_saved" && a.Actor == "canbo.a");

        // Frozen: the page has no form any more, and a forged save changes nothing.
        var frozen = await officer.GetStringAsync(page);
        Assert.Contains("Đã gửi", frozen, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Fields.SupportRequested\"", frozen, StringComparison.Ordinal);
        var again = await officer.PostFormAsync(page, page + "?handler=Save", Edited("sửa sau khi gửi"));
        Assert.Contains("không thể sửa", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Đề nghị Công an tỉnh hỗ trợ.", (await reports.GetAsync(reportId, Ct))!.Fields.SupportRequested);
        var incidentPage = await officer.GetStringAsync($"/incidents/{incident}");
        Assert.Contains("canbo.a", incidentPage, StringComparison.Ordinal);
        Assert.Contains(sent.Number, incidentPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportsAddressWithoutAReportId_IsNotFound_NotAServerError()
    {
        await using var server = await StartAsync();
        var incident = await OpenIncidentAsync(server, DashboardServer.CommuneA);
        using var officer = await server.SignInAsync("canbo.a");

        foreach (var handler in new[] { "", "?handler=Print", "?handler=Pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/incidents/{incident}/reports{handler}")).StatusCode);
    }

    [Fact]
    public async Task Viewer_ReadsTheReport_ButCannotCreateEditOrSendIt()
    {
        await using var server = await StartAsync();
        var incident = await OpenIncidentAsync(server, DashboardServer.CommuneA);
        using var officer = await server.SignInAsync("canbo.a");
        var reportId = await CreateDraftAsync(officer, incident);
        var page = $"/incidents/{incident}/reports/{reportId}";

        using var viewer = await server.SignInAsync("xem");
        var html = await viewer.GetStringAsync(page);
        Assert.Contains("Bản nháp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Fields.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lập / mở Biểu mẫu 03", await viewer.GetStringAsync($"/incidents/{incident}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(page + "?handler=Pdf")).StatusCode);

        var create = await viewer.PostFormAsync(page, $"/incidents/{incident}/reports?handler=Create", new() { ["form"] = "03" });
        Assert.Contains("/forbidden", create.Headers.Location!.ToString(), StringComparison.Ordinal);
        var save = await viewer.PostFormAsync(page, page + "?handler=Save", Edited("người xem"));
        Assert.Contains("/forbidden", save.Headers.Location!.ToString(), StringComparison.Ordinal);
        var sendFields = Edited("người xem");
        sendFields["confirm"] = "true";
        var send = await viewer.PostFormAsync(page, page + "?handler=Send", sendFields);
        Assert.Contains("/forbidden", send.Headers.Location!.ToString(), StringComparison.Ordinal);
        var report = (await server.App.Services.GetRequiredService<IReportService>().GetAsync(reportId, Ct))!;
        Assert.True(report.IsDraft);
        Assert.NotEqual("người xem", report.Fields.SupportRequested);
    }

    [Fact]
    public async Task AnotherCommunesOfficer_DoesNotSeeTheReport_AndForm04WaitsForResolution()
    {
        await using var server = await StartAsync();
        var incident = await OpenIncidentAsync(server, DashboardServer.CommuneA);
        using var officer = await server.SignInAsync("canbo.a");
        var reportId = await CreateDraftAsync(officer, incident);

        using var other = await server.SignInAsync("canbo.b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/incidents/{incident}/reports/{reportId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/incidents/{incident}/reports/{reportId}?handler=Pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/incidents/{incident}/reports/{reportId}?handler=Print")).StatusCode);

        // A report id under the wrong incident is not found either.
        var second = await OpenIncidentAsync(server, DashboardServer.CommuneA);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/incidents/{second}/reports/{reportId}")).StatusCode);

        var early = await officer.PostFormAsync($"/incidents/{incident}", $"/incidents/{incident}/reports?handler=Create", new() { ["form"] = "04" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var incidents = server.App.Services.GetRequiredService<IIncidentService>();
        await incidents.ChangeStateAsync(incident, IncidentState.InProgress, null, "canbo.a", UnitScope.All, Ct);
        await incidents.ChangeStateAsync(incident, IncidentState.Resolved, "xong", "canbo.a", UnitScope.All, Ct);
        Assert.Contains("Lập / mở Biểu mẫu 04", await officer.GetStringAsync($"/incidents/{incident}"), StringComparison.Ordinal);
        var closing = await CreateDraftAsync(officer, incident, ReportForm.Closing);
        var html = await officer.GetStringAsync($"/incidents/{incident}/reports/{closing}");
        Assert.Contains("Báo cáo kết thúc (Biểu mẫu 04)", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Fields.HandlingResult\"", html, StringComparison.Ordinal);
        var fields = (await server.App.Services.GetRequiredService<IReportService>().GetAsync(closing, Ct))!.Fields;
        Assert.Equal("Sự cố đã khắc phục. Ghi chú khắc phục: xong", fields.HandlingResult);
        var initial = (await server.App.Services.GetRequiredService<IReportService>().GetAsync(reportId, Ct))!;
        Assert.Equal(initial.Number, fields.InitialReportNumber);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", fields.InitialReportDate);
    }
}
