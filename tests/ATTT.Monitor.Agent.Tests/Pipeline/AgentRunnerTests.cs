using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Pipeline;

/// <summary>The whole run against Kestrel on loopback: when a run with a finite replay source ends.</summary>
public sealed class AgentRunnerTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private LoopbackCollector _collector = null!;

    public async ValueTask InitializeAsync() => _collector = await LoopbackCollector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _collector.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Without_exit_when_drained_the_run_goes_on_after_the_source_ends_until_it_is_stopped()
    {
        var settings = Settings(exitWhenDrained: false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = new AgentRunner(settings, NullLoggerFactory.Instance, posture: null).RunAsync(stop.Token);
        await HeartbeatLoopTests.WaitUntilAsync(() => _collector.Batches.Sum(b => b.Events.Count) == 3 && _collector.Heartbeats.Count >= 2);

        // The source was read to its end long ago and everything is acknowledged: still running
        // (heartbeats go on), as a service must, until it is stopped.
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task With_exit_when_drained_the_run_ends_once_every_event_is_acknowledged()
    {
        var settings = Settings(exitWhenDrained: true);

        await new AgentRunner(settings, NullLoggerFactory.Instance, posture: null)
            .RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L, 3L], _collector.Batches.SelectMany(b => b.Events).Select(e => e.RecordId));
    }

    private AgentSettings Settings(bool exitWhenDrained)
    {
        File.WriteAllLines(_folder.Combine("events.jsonl"), [JsonlEvents.Line(1), JsonlEvents.Line(2), JsonlEvents.Line(3)]);
        var settings = new AgentSettings
        {
            Collector = _collector.Url,
            StateDirectory = _folder.Combine("state"),
            Source = "jsonl:" + _folder.Combine("events.jsonl"),
            EnrollCode = "K7QF-93XD-PLM2",
            ExitWhenDrained = exitWhenDrained,
        };
        settings.Pipeline.FlushInterval = TimeSpan.FromMilliseconds(50);
        settings.Pipeline.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
        return settings;
    }
}
