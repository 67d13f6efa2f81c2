using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Reports.Monthly;
using ATTT.Monitor.Collector.Tests.Notifications;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ATTT.Monitor.Collector.Tests.Reports;

public sealed class MonthlyReportTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_monthly_report_counts_incidents_times_antivirus_agents_and_is_sent_once_per_unit()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var high = IncidentChanges.Opened(id: 1, severity: IncidentSeverity.High);
        await h.ChangeAsync(high);
        await h.ChangeAsync(IncidentChanges.Opened(id: 2, severity: IncidentSeverity.Medium, category: IncidentCategory.Malware));
        await h.ChangeAsync(IncidentChanges.Opened(id: 3, severity: IncidentSeverity.Low, category: IncidentCategory.AgentSilent));
        await h.ChangeAsync(IncidentChanges.Opened(id: 4, severity: IncidentSeverity.Critical, isDrill: true));
        await h.ChangeAsync(IncidentChanges.Opened(id: 5, severity: IncidentSeverity.High, unit: "xa-khac"));
        await h.ChangeAsync(IncidentChanges.Opened(id: 6, severity: IncidentSeverity.High, at: IncidentChanges.Detected.AddDays(20)));
        await h.Sender.ProcessDueAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(30));
        var acks = h.Services.GetRequiredService<AckService>();
        var police = (await h.RowsAsync($"incident_id = 1 AND recipient_email = '{NotificationSettings.Police}'")).Single();
        await acks.ConfirmAsync((await acks.FindAsync(AcknowledgementTests.TokenOf(police), Ct))!, null, null, Ct);
        time.Advance(TimeSpan.FromHours(2.5));
        await h.ChangeAsync(IncidentChanges.With(high, IncidentChangeKind.StateChanged, time.GetUtcNow()).WithIncident(it => it with { State = IncidentState.Resolved }));
        await CreateOtherAreasTablesAsync(h);

        var report = await h.Services.GetRequiredService<MonthlyReportService>().BuildAsync("xa-sang-moc", 2026, 11, Ct);
        Assert.Equal(3, report.Incidents); // 1, 2, 3; the drill and the December one are apart
        Assert.Equal(1, report.DrillIncidents);
        Assert.Equal(1, report.ByCategory["ransomware"]);
        Assert.Equal(1, report.ByCategory["malware"]);
        Assert.Equal(1, report.BySeverity["high"]);
        Assert.Equal(1, report.BySeverity["low"]);
        Assert.Equal(TimeSpan.FromMinutes(30), report.MedianTimeToAcknowledge);
        Assert.Equal(TimeSpan.FromHours(3), report.MedianTimeToResolve);
        Assert.NotNull(report.Antivirus);
        Assert.Equal(3, report.Antivirus.Reporting);
        Assert.Equal(1, report.Antivirus.Protected);
        Assert.Equal(["PC-02", "PC-03"], report.Antivirus.StaleOrUnprotected);
        Assert.Equal(30, report.Antivirus.MaxSignatureAgeDays);
        Assert.NotNull(report.Agents);
        Assert.Equal(["PC-03"], report.Agents.Silent);
        Assert.Equal(1, report.DrillsHeld);

        var service = h.Services.GetRequiredService<MonthlyReportService>();
        var before = (await h.RowsAsync("kind = 'monthly'")).Count;
        Assert.Equal(0, before);
        Assert.Equal(2, await service.RunAsync(2026, 11, Ct));
        Assert.Equal(0, await service.RunAsync(2026, 11, Ct));
        var mail = (await h.RowsAsync("kind = 'monthly'")).Single(r => r.Subject.EndsWith("xa-sang-moc", StringComparison.Ordinal));
        Assert.Equal(NotificationSettings.ItOfficer, mail.RecipientEmail);
        Assert.Equal("Báo cáo an toàn thông tin tháng 11/2026 - xa-sang-moc", mail.Subject);
        Assert.Contains("1. Tổng số sự cố: 3", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("mã độc tống tiền (ransomware): 1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("5. Phần mềm diệt virus: 1/3 máy trạm được bảo vệ (33.3%)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("6. Tác tử: 3 đã đăng ký, 1 mất kết nối: PC-03", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("7. Diễn tập: 1 lần", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_other_areas_tables_the_report_says_not_available_instead_of_zero()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Medium));

        var report = await h.Services.GetRequiredService<MonthlyReportService>().BuildAsync("xa-sang-moc", 2026, 11, Ct);
        Assert.Null(report.Antivirus);
        Assert.Null(report.Agents);
        Assert.Null(report.DrillsHeld);
        Assert.Contains("chưa có dữ liệu", MonthlyReportText.Summary(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_job_is_on_the_shared_quartz_scheduler_for_7_am_on_the_first_in_Vietnam()
    {
        // The collector's clock, not the machine's, decides where the schedule starts: 16:59 UTC on
        // 30 November is 23:59 in Vietnam, so November's report is due at 07:00 the next morning there.
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 30, 16, 59, 0, TimeSpan.Zero));
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await ActivatorUtilities.CreateInstance<MonthlyReportScheduling>(h.Services).StartAsync(Ct);
        var scheduler = await h.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

        Assert.NotNull(await scheduler.GetJobDetail(MonthlyReportJob.Key, Ct));
        var trigger = await scheduler.GetTrigger(MonthlyReportScheduling.TriggerKey, Ct);
        Assert.NotNull(trigger);
        Assert.Equal(time.GetUtcNow(), trigger.StartTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.FromHours(7)), trigger.GetFireTimeAfter(trigger.StartTimeUtc));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.FromHours(7)), trigger.GetFireTimeAfter(new DateTimeOffset(2026, 12, 1, 0, 0, 1, TimeSpan.Zero)));
    }

    /// <summary>The columns the monthly report reads from the ingest, posture and drills areas' tables.</summary>
    private static async Task CreateOtherAreasTablesAsync(NotificationsHarness h)
    {
        await using var connection = await h.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE agents (agent_id TEXT PRIMARY KEY, unit TEXT NOT NULL, host TEXT NOT NULL, last_seen_at TEXT, revoked INTEGER NOT NULL DEFAULT 0, is_drill INTEGER NOT NULL DEFAULT 0);
            INSERT INTO agents VALUES ('a1', 'xa-sang-moc', 'PC-01', '2026-11-30T16:00:00.0000000Z', 0, 0);
            INSERT INTO agents VALUES ('a2', 'xa-sang-moc', 'PC-02', '2026-11-30T12:00:00.0000000Z', 0, 0);
            INSERT INTO agents VALUES ('a3', 'xa-sang-moc', 'PC-03', '2026-11-25T08:00:00.0000000Z', 0, 0);
            INSERT INTO agents VALUES ('a4', 'xa-sang-moc', 'PC-DRILL', NULL, 0, 1);
            CREATE TABLE posture_current (agent_id TEXT PRIMARY KEY, unit TEXT NOT NULL, host TEXT NOT NULL, is_drill INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL, realtime INTEGER NOT NULL, signature_age_days REAL);
            INSERT INTO posture_current VALUES ('a1', 'xa-sang-moc', 'PC-01', 0, 1, 1, 0.5);
            INSERT INTO posture_current VALUES ('a2', 'xa-sang-moc', 'PC-02', 0, 1, 0, 1.0);
            INSERT INTO posture_current VALUES ('a3', 'xa-sang-moc', 'PC-03', 0, 1, 1, 30);
            CREATE TABLE drill_runs (id INTEGER PRIMARY KEY, playbook_id TEXT NOT NULL, unit TEXT NOT NULL, status TEXT NOT NULL, started_at INTEGER NULL);
            INSERT INTO drill_runs VALUES (1, 'ransomware', 'xa-sang-moc', 'completed', 1795000000);
            INSERT INTO drill_runs VALUES (2, 'ransomware', 'xa-sang-moc', 'missed', NULL);
            """;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
