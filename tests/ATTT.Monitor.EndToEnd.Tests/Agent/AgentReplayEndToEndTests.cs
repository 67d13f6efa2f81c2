using ATTT.Monitor.EndToEnd.Tests.Support;

namespace ATTT.Monitor.EndToEnd.Tests.Agent;

/// <summary>
/// The agent replaying a folder of the shared attack samples into the real collector: every record
/// arrives exactly once, counted in the store, whatever happens in the middle.
/// </summary>
public sealed class AgentReplayEndToEndTests
{
    private static readonly string Folder = Path.Combine(SharedData.EvtxSamples, "attack-samples", "Command and Control");
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Every_record_of_a_replayed_folder_arrives_exactly_once()
    {
        await using var bed = new AgentTestBed();
        await bed.StartCollectorAsync();
        var expected = AgentTestBed.CountEvents(Folder);

        var (code, log) = await AgentTestBed.WaitAsync(
            bed.StartAgent("--enroll-code", await bed.EnrollCodeAsync(), "--source", "evtx:" + Folder, "--exit-when-drained"), Patience);

        Assert.True(code == 0, log);
        Assert.Equal((expected, 0L), await bed.StatsAsync());
        var status = await AtttExecutable.RunAsync(AtttExecutable.Agent, ["status", "--state", bed.State], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("spool depth: 0 ", status.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_collector_in_the_middle_loses_and_duplicates_nothing()
    {
        await using var bed = new AgentTestBed();
        await bed.StartCollectorAsync();
        var expected = AgentTestBed.CountEvents(Folder);
        // The relay lets two batches of at most 20 events be acknowledged, then holds the next one:
        // the collector is stopped at that known point with most of the folder still to deliver,
        // whatever the machine's speed (a paced replay raced the test under load and sometimes
        // finished before the collector was stopped).
        const int passed = 2, batchEvents = 20;
        Assert.True(expected > passed * batchEvents, $"the folder has only {expected} events");
        await using var gate = BatchGate.Start(bed.Url, AgentTestBed.FreePort(), passed);
        var agent = bed.StartAgentVia(gate.Url, "--enroll-code", await bed.EnrollCodeAsync(), "--source", "evtx:" + Folder,
            "--exit-when-drained", "--config", bed.WriteConfig($"""
                batch:
                  max_events: {batchEvents}
                """));

        await gate.LimitReached.WaitAsync(Patience, TestContext.Current.CancellationToken);
        bed.KillCollector();
        var stored = (await bed.StatsAsync()).Events;
        Assert.InRange(stored, 1, passed * batchEvents);
        gate.Release();
        // The agent meets the stopped collector (its batches answered 503) and keeps the rest in its spool.
        await Eventually.UntilAsync(() => gate.Refused >= 2, "the agent to try the stopped collector twice", Patience);
        Assert.False(agent.HasExited);
        await bed.StartCollectorAsync();
        var (code, log) = await AgentTestBed.WaitAsync(agent, Patience);

        Assert.True(code == 0, log);
        Assert.Equal((expected, 0L), await bed.StatsAsync());
        var status = await AtttExecutable.RunAsync(AtttExecutable.Agent, ["status", "--state", bed.State], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("spool depth: 0 ", status.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killing_the_agent_in_the_middle_and_restarting_it_loses_and_duplicates_nothing()
    {
        await using var bed = new AgentTestBed();
        await bed.StartCollectorAsync();
        var expected = AgentTestBed.CountEvents(Folder);
        var enrollCode = await bed.EnrollCodeAsync();
        string[] args = ["--enroll-code", enrollCode, "--source", "evtx:" + Folder, "--exit-when-drained"];
        var first = bed.StartAgent([.. args, "--replay-rate", "150"]);

        await bed.WaitForEventsAsync(1, Patience);
        first.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
        await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        var stored = (await bed.StatsAsync()).Events;
        Assert.InRange(stored, 1, expected - 1);
        // Same command line, same one-time code: the saved credentials are reused.
        var (code, log) = await AgentTestBed.WaitAsync(bed.StartAgent(args), Patience);

        Assert.True(code == 0, log);
        Assert.Equal((expected, 0L), await bed.StatsAsync());
    }

    [Fact]
    public async Task A_full_spool_drops_the_oldest_events_and_reports_how_many()
    {
        await using var bed = new AgentTestBed();
        await bed.StartCollectorAsync();
        var first = Path.Combine(SharedData.EvtxSamples, "attack-samples", "Credential Access", "4794_DSRM_password_change_t1098.evtx");
        var (enrolled, enrollLog) = await AgentTestBed.WaitAsync(
            bed.StartAgent("--enroll-code", await bed.EnrollCodeAsync(), "--source", "evtx:" + first, "--exit-when-drained"), Patience);
        Assert.True(enrolled == 0, enrollLog);
        var expected = AgentTestBed.CountEvents(first) + AgentTestBed.CountEvents(Folder);
        bed.KillCollector();

        // The collector is away while the whole folder is read into a spool far too small for it.
        var config = bed.WriteConfig("""
            spool:
              max_mb: 0.25
              segment_mb: 0.03
            batch:
              max_events: 20
            """);
        var agent = bed.StartAgent("--source", "evtx:" + Folder, "--exit-when-drained", "--config", config);
        await Eventually.UntilAsync(async () => await bed.AgentDroppedAsync() > 0, "the agent to drop events from its full spool", Patience);
        await bed.StartCollectorAsync();
        var (code, log) = await AgentTestBed.WaitAsync(agent, Patience);

        Assert.True(code == 0, log);
        var (events, dropped) = await bed.StatsAsync();
        Assert.True(dropped > 0, $"nothing dropped: {events} events stored\n{log}");
        Assert.Equal(expected, events + dropped);
    }
}
