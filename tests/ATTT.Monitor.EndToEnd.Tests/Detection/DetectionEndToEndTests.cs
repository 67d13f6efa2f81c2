using System.Text.Json;
using ATTT.Monitor.EndToEnd.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.EndToEnd.Tests.Detection;

/// <summary>
/// <c>attt serve</c> as a child process with two SigmaHQ rules from ../shared: real attack samples
/// posted by an enrolled agent become the expected incidents, seen through <c>attt incidents list</c>.
/// </summary>
public sealed class DetectionEndToEndTests
{
    private const string SecurityLogCleared = "d99b79d2-0a6f-4f46-ad8b-260b6e17f982";
    private const string EventlogCleared = "100ef69e-3327-481c-8e5c-6d80d9507556";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Sample(string name) => Path.Combine(SharedData.EvtxSamples, "attack-samples", "Defense Evasion", name);

    private static string Rule(string relative) => Path.Combine(SharedData.Path, "sigma", "rules", "windows", "builtin", relative);

    /// <summary>A config file naming only the rules these tests need (all 2,400 SigmaHQ rules would slow every start).</summary>
    private static string WriteConfig(string folder)
    {
        var config = new
        {
            Detection = new
            {
                RulePaths = new[]
                {
                    Rule(Path.Combine("security", "win_security_audit_log_cleared.yml")),
                    Rule(Path.Combine("system", "microsoft_windows_eventlog", "win_system_susp_eventlog_cleared.yml")),
                },
            },
        };
        var path = Path.Combine(folder, "attt.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        return path;
    }

    private static async Task<AgentHttpClient> EnrollAsync(CollectorProcess collector, string data)
    {
        var code = await AtttExecutable.RunCollectorCommandAsync("agents", "enroll-code", "--data", data, "--unit", "xa-sang-moc");
        Assert.Equal(0, code.ExitCode);
        return await AgentHttpClient.EnrollAsync(collector.BaseAddress, code.LastLine, "PC01", Ct);
    }

    private static async Task<List<JsonElement>> ListAsync(string data)
    {
        var result = await AtttExecutable.RunCollectorCommandAsync("incidents", "list", "--data", data, "--format", "jsonl");
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    private static Task<List<JsonElement>> WaitForAsync(string data, Func<List<JsonElement>, bool> done, CollectorProcess collector) =>
        Eventually.ValueAsync(() => ListAsync(data), done, $"the incidents (collector log:\n{collector.Log})");

    private static async Task<bool> DetectionCaughtUpAsync(string data)
    {
        var result = await AtttExecutable.RunCollectorCommandAsync("stats", "--data", data);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var stats = JsonDocument.Parse(result.LastLine);
        return stats.RootElement.GetProperty("detection_checkpoint").GetInt64() >= stats.RootElement.GetProperty("events_last_id").GetInt64();
    }

    private static long Count(List<JsonElement> incidents, string ruleId) =>
        incidents.Where(i => i.GetProperty("rule_id").GetString() == ruleId).Sum(i => i.GetProperty("count").GetInt64());

    [Fact]
    public async Task Real_attack_samples_on_one_PC_become_one_story_and_a_replayed_batch_adds_nothing()
    {
        using var data = new TempFolder();
        await using var collector = await CollectorProcess.StartAsync(data.Path, ["--config", WriteConfig(data.Path)]);
        using var agent = await EnrollAsync(collector, data.Path);
        var security = EvtxFile.ReadEvents(Sample("DE_1102_security_log_cleared.evtx")).ToList();
        var system = EvtxFile.ReadEvents(Sample("DE_104_system_log_cleared.evtx")).ToList();

        Assert.False((await agent.PostAsync(agent.Batch(1, security), Ct)).Ack!.Duplicate);
        Assert.False((await agent.PostAsync(agent.Batch(2, system), Ct)).Ack!.Duplicate);
        // Both logs were cleared on one PC within a minute (2019-03-19 23:34:25 and 23:35:07): one attack story.
        var incidents = await WaitForAsync(data.Path, i => i.Count == 1 && i[0].GetProperty("count").GetInt64() == 2, collector);

        var story = Assert.Single(incidents);
        Assert.Contains(story.GetProperty("rule_id").GetString(), new[] { EventlogCleared, SecurityLogCleared });
        Assert.Equal("high", story.GetProperty("severity").GetString());
        Assert.Equal("new", story.GetProperty("state").GetString());
        Assert.Equal("PC01.example.corp", story.GetProperty("host").GetString());

        // The replay is acknowledged as a duplicate; a later genuine batch proves the pipeline went past it
        // and joins the same story (three detections, not four).
        Assert.True((await agent.PostAsync(agent.Batch(1, security), Ct)).Ack!.Duplicate);
        Assert.False((await agent.PostAsync(agent.Batch(3, system), Ct)).Ack!.Duplicate);
        incidents = await WaitForAsync(data.Path, i => i.Count == 1 && i[0].GetProperty("count").GetInt64() >= 3, collector);
        Assert.Equal(3, Assert.Single(incidents).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task After_kill_9_and_a_restart_every_acknowledged_match_is_counted_exactly_once()
    {
        using var data = new TempFolder();
        var config = WriteConfig(data.Path);
        var cleared = EvtxFile.ReadEvents(Sample("DE_1102_security_log_cleared.evtx")).Where(e => e.EventId == 1102).ToList();
        var filler = EvtxFile.ReadEvents(Sample("DE_1102_security_log_cleared.evtx")).Where(e => e.EventId != 1102).ToList();
        Assert.Single(cleared);
        const int batches = 40;

        AgentHttpClient agent;
        await using (var first = await CollectorProcess.StartAsync(data.Path, ["--config", config]))
        {
            agent = await EnrollAsync(first, data.Path);
            for (var seq = 1; seq <= batches; seq++)
                Assert.NotNull((await agent.PostAsync(agent.Batch(seq, [.. filler, .. cleared]), Ct)).Ack);
            first.Kill(); // at once after the last acknowledgement, likely before detection caught up
        }

        await using var second = await CollectorProcess.StartAsync(data.Path, ["--config", config]);
        await WaitForAsync(data.Path, i => Count(i, SecurityLogCleared) >= batches, second);
        // Counted once or more: now let detection reach the last stored event, so a match counted
        // twice would have been counted by the time the incidents are read.
        await Eventually.UntilAsync(async () => await DetectionCaughtUpAsync(data.Path), "detection to reach the last stored event");
        var incidents = await ListAsync(data.Path);
        var incident = Assert.Single(incidents);
        Assert.Equal(batches, incident.GetProperty("count").GetInt64());
        agent.Dispose();
    }
}
