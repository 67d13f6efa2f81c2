using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// A collector filled the way the demo fills one: incidents of two communes and of the default
/// unit (assigned, worked, commented, one resolved), PCs with posture, finished drills, reports,
/// notices to configured contacts (written as .eml files, no SMTP), and the usual accounts.
/// </summary>
public sealed class DemoLikeSiteFixture : BrowserSiteFixture
{
    /// <summary>The incidents made, the first of each unit first.</summary>
    public IReadOnlyList<long> Incidents { get; private set; } = [];

    protected override Task<DashboardSite> StartSiteAsync() =>
        DashboardSite.StartAsync(
            "--Notifications:Contacts:0:Id=congan", "--Notifications:Contacts:0:Name=Phòng An ninh mạng - Công an tỉnh",
            "--Notifications:Contacts:0:Email=an-ninh-mang@congan.thainguyen.gov.vn", "--Notifications:Contacts:0:Role=police",
            "--Notifications:Contacts:0:IsAuthority=true",
            "--Notifications:Routes:0:Name=nghiêm trọng", "--Notifications:Routes:0:MinSeverity=High", "--Notifications:Routes:0:To:0=congan",
            "--Notifications:Reporting:Organisation=UBND xã Sảng Mộc");

    protected override async Task SeedAsync(DashboardSite site)
    {
        var at = site.Clock.GetUtcNow().AddMinutes(-30);
        var incidents = new List<long>
        {
            await site.AddIncidentAsync(DashboardSite.CommuneA, "PC-KETOAN-01", DashboardSite.TestRuleTitle, "high",
                [DashboardSite.FailedLogon("PC-KETOAN-01", "ketoan", "203.0.113.9", at, 1001), DashboardSite.FailedLogon("PC-KETOAN-01", "ketoan", "203.0.113.9", at.AddSeconds(2), 1002)],
                ruleId: DashboardSite.TestRuleId),
            await site.AddIncidentAsync(DashboardSite.CommuneB, "PC-VUCHAN-02", "Suspicious Failed Logons From One Address", "high",
                [DashboardSite.FailedLogon("PC-VUCHAN-02", "vanthu", "198.51.100.7", at, 2001)], productRule: false),
            await site.AddIncidentAsync(UnitNames.Default, "PC-MACDINH-03", "Đăng nhập thất bại (đơn vị mặc định)", "medium",
                [DashboardSite.FailedLogon("PC-MACDINH-03", "khach", "192.0.2.4", at, 3001)]),
        };
        Incidents = incidents;

        var services = site.App.Services;
        var triage = services.GetRequiredService<IIncidentService>();
        await triage.AssignAsync(incidents[0], "canbo.a", "admin", UnitScope.All, default);
        await triage.ChangeStateAsync(incidents[0], IncidentState.InProgress, "Đã gọi điện cho kế toán", "admin", UnitScope.All, default);
        await triage.CommentAsync(incidents[0], "Máy đã được rút cáp mạng.", "canbo.a", UnitScope.All, default);
        await triage.ChangeStateAsync(incidents[2], IncidentState.Resolved, null, "admin", UnitScope.All, default);

        var reports = services.GetRequiredService<IReportService>();
        await reports.SendAsync((await reports.CreateDraftAsync(incidents[0], ReportForm.Initial, default)).Id, default);
        await reports.CreateDraftAsync(incidents[2], ReportForm.Closing, default);

        await site.AddPcAsync(DashboardSite.CommuneA, "PC-KETOAN-01", "Windows 10 Pro 22H2 (19045)", "Windows Defender", realtime: false, []);
        await site.AddPcAsync(UnitNames.Default, "PC-MACDINH-03", "Windows 11 Pro 23H2 (22631)", "Windows Defender", realtime: true, []);
        await site.AddFinishedDrillAsync("ma-doc-may-tram", DashboardSite.CommuneA);
        await site.AddFinishedDrillAsync("canh-bao-khac", UnitNames.Default);
    }
}
