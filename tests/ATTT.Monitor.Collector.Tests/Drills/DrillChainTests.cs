using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Drills;

/// <summary>
/// The whole chain with real parts: the shipped malware playbook scheduled a few seconds ahead
/// fires from Quartz, its inject goes through the real ingest endpoint on Kestrel, the SigmaHQ
/// Defender rule fires, a drill incident opens, the drill notification reaches a real SMTP server
/// on loopback, the recipient confirms through the acknowledgement link, the IT officer takes the
/// incident up, and the after-action report lists every measured time. Nothing of the drill
/// appears among real incidents or reaches the authorities.
/// </summary>
public sealed partial class DrillChainTests : IDisposable
{
    private const string PlaybookId = "ma-doc-may-tram";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"/notifications/ack/[A-Za-z0-9_\-\.~%]+")]
    private static partial Regex AckPath();

    [Fact]
    public async Task A_scheduled_drill_exercises_the_whole_chain_and_stays_apart_from_real_incidents()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        var cancel = TestContext.Current.CancellationToken;
        File.Copy(Path.Combine(RepositoryPaths.Playbooks, PlaybookId + ".yml"), Path.Combine(_folder.Path, PlaybookId + ".yml"));
        await using var smtp = new LoopbackSmtpServer();
        await smtp.StartAsync();
        // The collector's clock starts at TestClock.DefaultStart (a whole second) and stands still until the
        // collector has started, however long that takes: the drill is due 15 s after.
        var clock = new TestClock();
        clock.Freeze();
        var at = TestClock.DefaultStart.AddSeconds(15);
        var settings = NotificationSettings.Default().Concat(smtp.Settings()).Concat(new Dictionary<string, string?>
        {
            ["Detection:RulePaths:0"] = Path.Combine(shared, "sigma", "rules", "windows", "builtin", "windefend", "win_defender_threat.yml"),
            ["Drills:PlaybooksPath"] = _folder.Path,
            ["Drills:DefaultUnit"] = "xa-sang-moc",
            [$"Drills:ScheduleOverrides:{PlaybookId}:Cron"] = $"{at.Second} {at.Minute} {at.Hour} {at.Day} {at.Month} ? {at.Year}",
            [$"Drills:ScheduleOverrides:{PlaybookId}:TimeZone"] = "UTC",
        }).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        await using var collector = await TestCollector.StartAsync(clock, settings);
        clock.Thaw();
        var drills = collector.Services.GetRequiredService<IDrillService>();

        var run = await Until(async () => (await drills.HistoryAsync("xa-sang-moc", cancel)).FirstOrDefault(r => r.PlaybookId == PlaybookId && r.Status != DrillRunStatus.Running));
        Assert.True(run.Status == DrillRunStatus.Completed, $"{run.Status}: {run.Detail}");
        Assert.Equal(at, run.ScheduledFor);
        Assert.Equal(DrillRunTrigger.Schedule, run.Trigger);

        var mail = await Until(() => Task.FromResult(smtp.Received.FirstOrDefault(m => m.Envelope.Contains(NotificationSettings.DrillDesk))));
        Assert.Equal("yes", mail.Message.Headers["X-ATTT-Drill"]);
        var ackPath = AckPath().Match(mail.Message.TextBody ?? mail.Message.HtmlBody ?? "").Value;
        Assert.NotEmpty(ackPath);
        using (var client = collector.Client())
        {
            using var confirm = await client.PostAsync(ackPath, new FormUrlEncodedContent([new("by", "Cán bộ trực diễn tập")]), cancel);
            Assert.True(confirm.IsSuccessStatusCode, confirm.StatusCode.ToString());
        }

        var report = await Until(async () => await drills.GetReportAsync(run.Id, cancel) is { IncidentIds.Count: > 0 } r ? r : null);
        var incidents = collector.Services.GetRequiredService<IIncidentService>();
        await incidents.ChangeStateAsync(report.IncidentIds[0], IncidentState.InProgress, "Đã tiếp nhận diễn tập", "cntt", UnitScope.All, cancel);
        var plan = drills.Playbooks.Single(p => p.Id == PlaybookId);
        await drills.SignOffStepAsync(run.Id, plan.Steps[0].Id, "Nguyễn Văn A (CNTT)", null, cancel);
        await drills.WriteLessonsAsync(run.Id, "Cần dán số điện thoại Công an tỉnh cạnh máy chủ.", "Điều phối viên", cancel);

        report = await Until(async () => await drills.GetReportAsync(run.Id, cancel) is { } r && r.Measures.All(m => m.At is not null) ? r : null);
        Assert.All(report.Measures, m => Assert.True(m.Elapsed >= TimeSpan.Zero, $"{m.Link}: {m.Elapsed}"));
        Assert.True(report.Steps[0].Done);
        Assert.False(report.Steps[1].Done);
        var html = DrillReportHtml.Render(report);
        foreach (var m in report.Measures)
            Assert.Contains(m.Label, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa ghi nhận", html, StringComparison.Ordinal);
        Assert.Contains("Cần dán số điện thoại", html, StringComparison.Ordinal);
        Assert.Equal(1 + report.Measures.Count + report.Steps.Count + 1, DrillReportCsv.Render(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var real = await incidents.QueryAsync(new IncidentQuery { Drill = false }, UnitScope.All, cancel);
        Assert.Empty(real.Items);
        Assert.DoesNotContain(smtp.Received, m => m.Envelope.Contains(NotificationSettings.Police) || m.Envelope.Contains(NotificationSettings.Dost));
    }

    private static async Task<T> Until<T>(Func<Task<T?>> probe) where T : class =>
        (await Eventually.ValueAsync(probe, value => value is not null, "the drill chain's next state", Patience))!;
}
