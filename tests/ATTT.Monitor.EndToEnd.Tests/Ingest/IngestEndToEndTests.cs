using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ATTT.Monitor.EndToEnd.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.EndToEnd.Tests.Ingest;

/// <summary>The real <c>attt</c> executable as a child process on loopback.</summary>
public sealed class IngestEndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Real_events_are_stored_once_even_when_a_batch_is_replayed()
    {
        using var data = new TempFolder();
        await using var collector = await CollectorProcess.StartAsync(data.Path);
        var enroll = await AtttExecutable.RunCollectorCommandAsync("agents", "enroll-code", "--data", data.Path, "--unit", "xã-sàng-mộc", "--ttl", "1h");
        Assert.Equal(0, enroll.ExitCode);
        using var agent = await AgentHttpClient.EnrollAsync(collector.BaseAddress, enroll.LastLine, "PC-KETOAN-01", Ct);
        Assert.Equal("xã-sàng-mộc", agent.Unit);

        var events = SampleEvents.Load(1500);
        Assert.True(events.Count >= 500, $"only {events.Count} sample events");
        var batches = events.Chunk(400).Select((chunk, i) => agent.Batch(i + 1, chunk)).ToList();
        foreach (var batch in batches)
        {
            var (status, ack) = await agent.PostAsync(batch, Ct);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(new BatchAck(batch.Sequence, batch.Events.Count, false), ack);
        }

        // The response to batch 2 was "lost": the agent sends it again.
        var (_, replay) = await agent.PostAsync(batches[1], Ct);
        Assert.Equal(new BatchAck(2, 0, true), replay);

        var stats = await AtttExecutable.RunCollectorCommandAsync("stats", "--data", data.Path);
        Assert.Equal(0, stats.ExitCode);
        using var json = JsonDocument.Parse(stats.StandardOutput);
        Assert.Equal(events.Count, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("agents").GetInt64());
    }

    [Fact]
    public async Task Every_acknowledged_event_survives_kill_9_in_the_middle_of_ingest()
    {
        using var data = new TempFolder();
        var settings = new Dictionary<string, string> { ["ATTT_Ingest__RequestsPerSecond"] = "1000", ["ATTT_Ingest__RequestBurst"] = "1000" };
        var collector = await CollectorProcess.StartAsync(data.Path, environment: settings);
        var codes = (await AtttExecutable.RunCollectorCommandAsync("agents", "enroll-code", "--data", data.Path, "--count", "4")).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var agents = new List<AgentHttpClient>();
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
            agents.Add(await AgentHttpClient.EnrollAsync(collector.BaseAddress, code, $"PC-{i}", Ct));
        var events = SampleEvents.Load(300);

        var acknowledged = new ConcurrentDictionary<(string Agent, long Seq), int>();
        using var stopPosting = new CancellationTokenSource();
        // Two concurrent posters per agent, each with its own sequence numbers.
        var posters = agents.SelectMany(agent => Enumerable.Range(0, 2).Select(lane => Task.Run(async () =>
        {
            for (long n = 0; !stopPosting.IsCancellationRequested; n++)
            {
                var seq = n * 2 + lane + 1;
                var batch = agent.Batch(seq, events.Skip((int)(seq % 3) * 50).Take(100 + (int)(seq % 7)).ToList());
                try
                {
                    var (status, ack) = await agent.PostAsync(batch, CancellationToken.None);
                    if (status == HttpStatusCode.OK)
                        acknowledged[(agent.AgentId, seq)] = ack!.Accepted;
                }
                catch (HttpRequestException)
                {
                    return; // the collector is gone
                }
            }
        }))).ToList();

        // Let acknowledgements pile up, then pull the plug.
        await Eventually.UntilAsync(() => acknowledged.Count >= 40, "40 acknowledged batches before the kill");
        collector.Kill();
        await stopPosting.CancelAsync();
        await Task.WhenAll(posters);
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} batches acknowledged before the kill");

        await using var restarted = await CollectorProcess.StartAsync(data.Path, environment: settings);
        var stored = ReadStoredBatches(data.Path);
        foreach (var ((agentId, seq), accepted) in acknowledged)
        {
            Assert.True(stored.TryGetValue((agentId, seq), out var count), $"acknowledged batch {seq} of {agentId} is missing after kill -9");
            Assert.Equal(accepted, count);
        }

        // Batches are all-or-nothing: the events table holds exactly the events of the stored batches.
        var stats = await AtttExecutable.RunCollectorCommandAsync("stats", "--data", data.Path);
        using var json = JsonDocument.Parse(stats.StandardOutput);
        Assert.Equal(stored.Values.Sum(), json.RootElement.GetProperty("events").GetInt64());

        // Sequence numbers survive too: re-sending an acknowledged batch (new connection, same
        // token) is answered as a duplicate and not stored again.
        var (ackedAgent, ackedSeq) = acknowledged.Keys.First();
        var owner = agents.Single(a => a.AgentId == ackedAgent);
        using var again = await AgentHttpClient.ConnectAsync(restarted.BaseAddress, owner);
        var (status, ack) = await again.PostAsync(again.Batch(ackedSeq, events.Take(100).ToList()), Ct);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(ack!.Duplicate);
        foreach (var agent in agents)
            agent.Dispose();
    }

    private static Dictionary<(string, long), int> ReadStoredBatches(string dataPath)
    {
        var result = new Dictionary<(string, long), int>();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "events.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT agent_id, seq, accepted FROM batches;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt32(2);
        return result;
    }
}
