using System.Text.Json;
using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Pipeline;

/// <summary>Heartbeats against Kestrel on loopback: sent at start and then every interval, with inventory and spool state.</summary>
public sealed class HeartbeatLoopTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private LoopbackCollector _collector = null!;

    public async ValueTask InitializeAsync() => _collector = await LoopbackCollector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task Heartbeats_carry_the_inventory_and_the_spools_depth_and_losses_and_repeat()
    {
        var checkpoint = CheckpointStore.Open(_state.Path);
        checkpoint.Update(c => c with { DroppedTotal = 17, LastError = "Spool full: 17 events dropped." });
        using var spool = DiskSpool.Open(_state.Combine("spool"), new SpoolOptions(), 0, _ => { }, NullLogger.Instance);
        spool.Append(1, 3, null, TransportBuilder.EventsJson(3));
        spool.Append(2, 4, null, TransportBuilder.EventsJson(4));
        using var client = TransportBuilder.Client(_collector.Url);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var loop = new HeartbeatLoop(client, TransportBuilder.Credentials, spool, checkpoint, TimeSpan.FromMilliseconds(100), NullLogger.Instance);

        var running = loop.RunAsync(stop.Token);
        await WaitUntilAsync(() => _collector.Heartbeats.Count >= 2);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        using var json = JsonDocument.Parse(_collector.Heartbeats.First());
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("v").GetInt32());
        Assert.Equal("a_test1", root.GetProperty("agent_id").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("sent_at").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var inventory = root.GetProperty("inventory");
        Assert.Equal(Environment.MachineName, inventory.GetProperty("host").GetString());
        Assert.False(string.IsNullOrEmpty(inventory.GetProperty("os").GetString()));
        Assert.Equal(JsonValueKind.Array, inventory.GetProperty("ips").ValueKind);
        Assert.False(string.IsNullOrEmpty(inventory.GetProperty("agent_version").GetString()));
        var spooled = root.GetProperty("spool");
        Assert.Equal(7, spooled.GetProperty("depth_events").GetInt64());
        Assert.True(spooled.GetProperty("depth_bytes").GetInt64() > 0);
        Assert.Equal(17, spooled.GetProperty("dropped_total").GetInt64());
        Assert.Equal("Spool full: 17 events dropped.", spooled.GetProperty("last_error").GetString());
    }

    [Fact]
    public async Task A_collector_that_refuses_heartbeats_does_not_stop_the_loop()
    {
        var checkpoint = CheckpointStore.Open(_state.Path);
        using var spool = DiskSpool.Open(_state.Combine("spool"), new SpoolOptions(), 0, _ => { }, NullLogger.Instance);
        using var client = TransportBuilder.Client(_collector.Url);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var revoked = new ATTT.Monitor.Agent.Transport.AgentCredentials("a_test1", "revoked-token");
        var loop = new HeartbeatLoop(client, revoked, spool, checkpoint, TimeSpan.FromMilliseconds(50), NullLogger.Instance);

        var running = loop.RunAsync(stop.Token);
        await Eventually.UntilAsync(() => _collector.RefusedReports >= 3 || running.IsCompleted, "three refused heartbeats");

        Assert.False(running.IsCompleted);
        Assert.Empty(_collector.Heartbeats);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => Eventually.UntilAsync(condition, "the condition");
}
