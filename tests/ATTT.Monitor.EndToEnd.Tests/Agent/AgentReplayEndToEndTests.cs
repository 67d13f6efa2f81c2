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
        var agent = bed.StartAgent("--enroll-code", await bed.EnrollCodeAsync(), "--source", "evtx:" + Folder,
            "--exit-when-drained", "--replay-rate", "400", "--config", bed.WriteConfig());

        await bed.WaitForEventsAsync(1, Patience);
        bed.KillCollector();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(agent.HasExited);
        await bed.StartCollectorAsync();
        var (code, log) = await AgentTestBed.WaitAsync(agent, Patience);

        Assert.True(code == 0, log);
        Assert.Equal((expected, 0L), await bed.StatsAsync());
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
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        await bed.StartCollectorAsync();
        var (code, log) = await AgentTestBed.WaitAsync(agent, Patience);

        Assert.True(code == 0, log);
        var (events, dropped) = await bed.StatsAsync();
        Assert.True(dropped > 0, $"nothing dropped: {events} events stored\n{log}");
        Assert.Equal(expected, events + dropped);
    }
}
