using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Drills;

/// <summary>
/// Drills scheduled through Quartz's persistent store in the collector's SQLite database: they
/// fire, remind participants, and a drill whose time passes while the collector is down is
/// reported as missed after a restart (or run late, by policy). Drill times are 15-25 s ahead
/// because the collector takes several seconds to start on a loaded 2-core CI machine.
/// </summary>
public sealed class DrillSchedulingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => Path.Combine(_folder.Path, "data");

    private object Configuration(DateTimeOffset at, string policy = "report")
    {
        var playbooks = Path.Combine(_folder.Path, "playbooks");
        if (!Directory.Exists(playbooks))
            _folder.Write("playbooks/thu-nghiem.yml", PlaybookYaml.With("reminders: [1d]", "reminders: [1d, 10s]"));
        var utc = at.UtcDateTime;
        return new
        {
            Drills = new
            {
                PlaybooksPath = playbooks,
                MisfireThreshold = "00:00:01",
                MissedPolicy = policy,
                ScheduleOverrides = new Dictionary<string, object>
                {
                    ["thu-nghiem"] = new { Cron = $"{utc.Second} {utc.Minute} {utc.Hour} {utc.Day} {utc.Month} ? {utc.Year}", TimeZone = "UTC" },
                },
            },
        };
    }

    private static DateTimeOffset WholeSecondsFromNow(int seconds)
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(seconds);
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private static async Task<DrillRun> WaitForRunAsync(IServiceProvider services, Func<DrillRun, bool> match)
    {
        var store = services.GetRequiredService<DrillRunStore>();
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var run = (await store.ListAsync(null, "thu-nghiem", CancellationToken.None)).FirstOrDefault(match);
            if (run is not null)
                return run;
            await Task.Delay(200);
        }

        throw new TimeoutException("No matching drill run was recorded in time. Runs: "
            + string.Join(" | ", await store.ListAsync(null, null, CancellationToken.None))
            + " Triggers: " + await DumpAsync(services, "SELECT group_concat(TRIGGER_NAME || ' ' || TRIGGER_GROUP || ' ' || TRIGGER_STATE || ' ' || COALESCE(NEXT_FIRE_TIME, 'null'), ' | ') FROM QRTZ_TRIGGERS")
            + " Fired: " + await DumpAsync(services, "SELECT group_concat(TRIGGER_NAME || ' ' || STATE, ' | ') FROM QRTZ_FIRED_TRIGGERS")
            + $" Now: {DateTimeOffset.UtcNow:O}");
    }

    [Fact]
    public async Task A_drill_scheduled_a_few_seconds_ahead_fires_and_its_participants_are_reminded()
    {
        var at = WholeSecondsFromNow(25);
        await using var collector = await RunningCollector.StartAsync(Data, Configuration(at));

        var run = await WaitForRunAsync(collector.Services, r => r.ScheduledFor == at && r.Status != DrillRunStatus.Running);

        Assert.Equal(DrillRunTrigger.Schedule, run.Trigger);
        Assert.NotEqual(DrillRunStatus.Missed, run.Status);
        Assert.True(run.StartedAt >= at, $"started {run.StartedAt:O}, scheduled {at:O}");
        var reminders = await CountAsync(collector.Services, "SELECT COUNT(*) FROM drill_reminders WHERE remind_at = " + (at.ToUnixTimeSeconds() - 10));
        Assert.Equal(1, reminders);
    }

    [Fact]
    public async Task A_drill_due_while_the_collector_is_stopped_is_reported_as_missed_after_restart()
    {
        var at = WholeSecondsFromNow(15);
        await using (await RunningCollector.StartAsync(Data, Configuration(at)))
        {
            // Quartz now holds the trigger in attt.db; the collector stops before it is due.
        }

        await Task.Delay(at - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await using var restarted = await RunningCollector.StartAsync(Data, Configuration(at));

        var run = await WaitForRunAsync(restarted.Services, r => r.ScheduledFor == at);
        Assert.Equal(DrillRunStatus.Missed, run.Status);
        Assert.Null(run.StartedAt);
        Assert.Contains("collector was down", run.Detail, StringComparison.Ordinal);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var all = await restarted.Services.GetRequiredService<DrillRunStore>().ListAsync(null, "thu-nghiem", CancellationToken.None);
        Assert.Equal(DrillRunStatus.Missed, Assert.Single(all).Status);
    }

    [Fact]
    public async Task With_run_late_a_missed_drill_runs_at_restart_and_says_it_was_late()
    {
        var at = WholeSecondsFromNow(15);
        await using (await RunningCollector.StartAsync(Data, Configuration(at, "run_late")))
        {
        }

        await Task.Delay(at - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await using var restarted = await RunningCollector.StartAsync(Data, Configuration(at, "run_late"));

        var run = await WaitForRunAsync(restarted.Services, r => r.ScheduledFor == at && r.StartedAt is not null);
        Assert.Equal(DrillRunTrigger.Late, run.Trigger);
        Assert.True(run.StartedAt > at.AddSeconds(1));
    }

    private static async Task<string> DumpAsync(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<ATTT.Monitor.Collector.Storage.EmbeddedDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString() ?? "(null)";
    }

    private static async Task<long> CountAsync(IServiceProvider services, string sql)
    {
        await using var connection = await services.GetRequiredService<ATTT.Monitor.Collector.Storage.EmbeddedDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
