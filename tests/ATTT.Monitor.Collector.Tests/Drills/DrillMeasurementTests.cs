using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Drills;

/// <summary>
/// Drills that measure, run on demand through the real collector (ingest, detection, journal, outbox):
/// a drill whose rule is not loaded is reported as missing its detection target as soon as detection
/// has read its injects, and a run right after another opens and measures incidents of its own.
/// </summary>
public sealed class DrillMeasurementTests : IDisposable
{
    private const string PlaybookId = "thu-nghiem";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_drill_whose_rule_is_disabled_misses_its_detection_target_and_the_targets_after_it()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        // Only an unrelated Defender rule is loaded: the EICAR inject matches nothing.
        await using var collector = await StartAsync(Path.Combine(shared, "sigma", "rules", "windows", "builtin", "windefend", "win_defender_history_delete.yml"));
        var drills = collector.Services.GetRequiredService<IDrillService>();

        var report = await RunAsync(drills);

        Assert.Equal(DrillRunStatus.Completed, report.Run.Status);
        Assert.Empty(report.IncidentIds);
        var detected = report.Measures.Single(m => m.Link == DrillLink.Detected);
        Assert.Equal(DrillOutcome.Missed, detected.Outcome);
        // Missed long before its 2-minute deadline: nothing can fire any more.
        Assert.True(collector.Clock.GetUtcNow() < detected.Deadline, $"judged at {collector.Clock.GetUtcNow()}, deadline {detected.Deadline}");
        Assert.All(report.Measures.Where(m => m.Target is not null), m => Assert.Equal(DrillOutcome.Missed, m.Outcome));
        Assert.Equal(DrillOutcome.Missed, report.Verdict);
        Assert.Contains("Không đạt", DrillReportHtml.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drill_whose_rule_is_disabled_for_its_unit_misses_its_detection_target()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        // The rule that catches the EICAR inject is loaded (the re-run test below sees it fire) but disabled for the drill's unit.
        var rule = Path.Combine(shared, "sigma", "rules", "windows", "builtin", "windefend", "win_defender_threat.yml");
        var ruleId = File.ReadLines(rule).Single(l => l.StartsWith("id:", StringComparison.Ordinal))["id:".Length..].Trim();
        await using var collector = await StartAsync(rule);
        await collector.Services.GetRequiredService<ATTT.Monitor.Collector.Suppression.SuppressionStore>()
            .DisableAsync(ruleId, "xa-sang-moc", "diễn tập: luật bị tắt", ATTT.Monitor.Collector.Access.Caller.System, Ct);
        var drills = collector.Services.GetRequiredService<IDrillService>();

        var report = await RunAsync(drills);

        Assert.Empty(report.IncidentIds);
        Assert.Equal(DrillOutcome.Missed, report.Measures.Single(m => m.Link == DrillLink.Detected).Outcome);
        Assert.Equal(DrillOutcome.Missed, report.Verdict);
    }

    [Fact]
    public async Task A_rerun_right_after_a_run_opens_and_measures_incidents_of_its_own()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        await using var collector = await StartAsync(Path.Combine(shared, "sigma", "rules", "windows", "builtin", "windefend", "win_defender_threat.yml"));
        var drills = collector.Services.GetRequiredService<IDrillService>();

        var first = await RunAsync(drills);
        var second = await RunAsync(drills);

        var firstIncident = Assert.Single(first.IncidentIds);
        var secondIncident = Assert.Single(second.IncidentIds);
        Assert.NotEqual(firstIncident, secondIncident);
        foreach (var report in new[] { first, second })
        {
            var detected = report.Measures.Single(m => m.Link == DrillLink.Detected);
            Assert.Equal(DrillOutcome.Met, detected.Outcome);
            Assert.True(detected.At >= report.FirstInjectAt, $"run {report.Run.Id}: detected {detected.At} before its inject {report.FirstInjectAt}");
            // The recipient has not confirmed yet, and the 4-hour target is far away: it waits, it is not missed.
            Assert.Equal(DrillOutcome.Waiting, report.Measures.Single(m => m.Link == DrillLink.Acknowledged).Outcome);
        }

        Assert.Equal(DrillOutcome.Waiting, second.Verdict);
        // The collector closed the first run's incident when the second started; that is not a person taking it up.
        var firstAfter = (await drills.GetReportAsync(first.Run.Id, Ct))!;
        Assert.Null(firstAfter.Measures.Single(m => m.Link == DrillLink.DashboardAcknowledged).At);
        var incidents = collector.Services.GetRequiredService<ATTT.Monitor.Collector.Incidents.IIncidentService>();
        var closed = await incidents.GetAsync(firstIncident, ATTT.Monitor.Collector.Access.UnitScope.All, Ct);
        Assert.Equal(ATTT.Monitor.Collector.Incidents.IncidentState.Closed, closed!.Incident.State);
    }

    [Fact]
    public async Task Drills_run_prints_each_target_and_exits_1_when_one_is_missed()
    {
        if (RepositoryPaths.Shared is not { } shared)
        {
            Assert.Skip("../shared (SigmaHQ rules) is not laid beside the repository.");
            return;
        }

        // attt drills run reads the same clock as the collector it talks to: the host's test clock here.
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, PlaybookId + ".yml"), PlaybookYaml.Valid, Ct);
        await using var host = await CollectorTestHost.StartAsync(new CollectorTestHostOptions
        {
            Settings = Settings(Path.Combine(shared, "sigma", "rules", "windows", "builtin", "windefend", "win_defender_history_delete.yml")),
        });
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await ATTT.Monitor.Collector.Cli.CollectorCommandLine.RunAsync(
            ["drills", "run", PlaybookId, "--data", host.DataDirectory, "--playbooks", _folder.Path, "--wait", "90"], stdout, stderr, host.Clock);

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Matches(@"^run \d+\tthu-nghiem\txa-sang-moc\tcompleted", lines[0]);
        var detected = Assert.Single(lines, l => l.StartsWith("target\tdetected\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(["-", "-", "120", "missed"], detected[2..6]);
        Assert.StartsWith("verdict\tmissed\tKhông đạt", lines[^1], StringComparison.Ordinal);
    }

    private static string[] Settings(string rule, string playbooks) => NotificationSettings.Default().Concat(new Dictionary<string, string?>
    {
        ["Detection:RulePaths:0"] = rule,
        ["Drills:PlaybooksPath"] = playbooks,
        ["Drills:DefaultUnit"] = "xa-sang-moc",
    }).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();

    private string[] Settings(string rule) => Settings(rule, _folder.Path);

    private async Task<TestCollector> StartAsync(string rule)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, PlaybookId + ".yml"), PlaybookYaml.Valid, Ct);
        return await TestCollector.StartAsync(Settings(rule));
    }

    private static async Task<DrillReport> RunAsync(IDrillService drills)
    {
        var runId = await drills.RunNowAsync(ATTT.Monitor.Collector.Access.Caller.System, PlaybookId, Ct);
        return (await Eventually.ValueAsync(
            async () => await drills.GetReportAsync(runId, Ct) is { } r && r.Run.Status is not (DrillRunStatus.Requested or DrillRunStatus.Running)
                && r.Measures.Single(m => m.Link == DrillLink.Detected).Outcome != DrillOutcome.Waiting ? r : null,
            r => r is not null, $"drill run {runId} to finish and its detection target to be judged", Patience))!;
    }
}
