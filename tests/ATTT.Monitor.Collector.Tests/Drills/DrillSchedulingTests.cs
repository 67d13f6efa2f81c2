using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Drills;

/// <summary>
/// Drills scheduled through Quartz's persistent store in the collector's SQLite database: they
/// fire, remind participants, and a drill whose time passes while the collector is down is
/// reported as missed after a restart (or run late, by policy). The collector runs on a
/// <see cref="TestClock"/>: a drill that must fire is 15 s ahead of a clock that stands
/// still until the collector has started (which takes long on a loaded 2-core CI machine); the time a collector
/// is down is a jump of that clock.
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

    private readonly TestClock _clock = Frozen();

    /// <summary>
    /// The collectors' clock stands still until a test lets it run, so however long start-up and
    /// shutdown take on a loaded machine, a drill is never due before the test means it to be.
    /// </summary>
    private static TestClock Frozen()
    {
        var clock = new TestClock();
        clock.Freeze();
        return clock;
    }

    /// <summary>The collector's clock starts at a whole second, so this is a whole second too.</summary>
    private DateTimeOffset SecondsAhead(int seconds) => TestClock.DefaultStart.AddSeconds(seconds);

    /// <summary>Moves the clock of a stopped collector past <paramref name="at"/>, as if it had been down meanwhile.</summary>
    private void StayDownUntilAfter(DateTimeOffset at) => _clock.Set(at.AddSeconds(2));

    private async Task<DrillRun> WaitForRunAsync(IServiceProvider services, Func<DrillRun, bool> match)
    {
        var store = services.GetRequiredService<DrillRunStore>();
        var found = await Eventually.ValueAsync(
            async () => (await store.ListAsync(null, "thu-nghiem", CancellationToken.None)).FirstOrDefault(match),
            run => run is not null, "a matching drill run", Patience);
        if (found is null)
        {
            Assert.Fail("No matching drill run was recorded in time. Runs: "
                + string.Join(" | ", await store.ListAsync(null, null, CancellationToken.None))
                + " Triggers: " + await DumpAsync(services, "SELECT group_concat(TRIGGER_NAME || ' ' || TRIGGER_GROUP || ' ' || TRIGGER_STATE || ' ' || COALESCE(NEXT_FIRE_TIME, 'null'), ' | ') FROM QRTZ_TRIGGERS")
                + " Fired: " + await DumpAsync(services, "SELECT group_concat(TRIGGER_NAME || ' ' || STATE, ' | ') FROM QRTZ_FIRED_TRIGGERS")
                + $" Now: {_clock.GetUtcNow():O}");
        }

        return found!;
    }

    [Fact]
    public async Task A_drill_scheduled_a_few_seconds_ahead_fires_and_its_participants_are_reminded()
    {
        var at = SecondsAhead(15);
        await using var collector = await RunningCollector.StartAsync(Data, Configuration(at), _clock);
        _clock.Thaw();

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
        var at = SecondsAhead(15);
        await using (await RunningCollector.StartAsync(Data, Configuration(at), _clock))
        {
            // Quartz now holds the trigger in attt.db; the collector stops before it is due.
        }

        StayDownUntilAfter(at);
        await using var restarted = await RunningCollector.StartAsync(Data, Configuration(at), _clock);

        var run = await WaitForRunAsync(restarted.Services, r => r.ScheduledFor == at);
        Assert.Equal(DrillRunStatus.Missed, run.Status);
        Assert.Null(run.StartedAt);
        Assert.Contains("collector was down", run.Detail, StringComparison.Ordinal);
        // The one-off schedule has no firing left, so its trigger is gone and nothing can run it late.
        Assert.Equal(0, await CountAsync(restarted.Services, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'thu-nghiem'"));
        var all = await restarted.Services.GetRequiredService<DrillRunStore>().ListAsync(null, "thu-nghiem", CancellationToken.None);
        Assert.Equal(DrillRunStatus.Missed, Assert.Single(all).Status);
    }

    [Fact]
    public async Task With_run_late_a_missed_drill_runs_at_restart_and_says_it_was_late()
    {
        var at = SecondsAhead(15);
        await using (await RunningCollector.StartAsync(Data, Configuration(at, "run_late"), _clock))
        {
        }

        StayDownUntilAfter(at);
        await using var restarted = await RunningCollector.StartAsync(Data, Configuration(at, "run_late"), _clock);

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
