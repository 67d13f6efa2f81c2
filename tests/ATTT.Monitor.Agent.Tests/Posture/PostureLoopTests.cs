using System.Text.Json;
using ATTT.Monitor.Agent.Posture;
using ATTT.Monitor.Agent.Sources.EventLog;
using ATTT.Monitor.Agent.Tests.Pipeline;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Posture;

/// <summary>
/// The posture loop against Kestrel on loopback. WMI exists on Windows only, so the probe here plays
/// back recorded posture values; what is tested is when the loop sends and what it sends.
/// </summary>
public sealed class PostureLoopTests : IAsyncLifetime
{
    private static readonly PostureReport Healthy = new("", default,
        [new AntivirusProduct("Windows Defender", 397568, Enabled: true, Realtime: true, DefinitionsUpToDate: true, "windowsdefender://")],
        new DefenderStatus(true, true, true, "1.421.512.0", new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero), 0,
            new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero), null, true));

    private static readonly PostureReport RealtimeOff = Healthy with
    {
        Antivirus = [new AntivirusProduct("Windows Defender", 393472, Enabled: false, Realtime: false, DefinitionsUpToDate: true, "windowsdefender://")],
        Defender = Healthy.Defender! with { RealtimeProtection = false },
    };

    private LoopbackCollector _collector = null!;

    public async ValueTask InitializeAsync() => _collector = await LoopbackCollector.StartAsync();

    public async ValueTask DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public async Task Posture_is_sent_at_start_not_again_while_unchanged_and_at_once_when_it_changes()
    {
        var probe = new RecordedProbe(call => call <= 5 ? Healthy : RealtimeOff);
        var running = Start(probe, check: TimeSpan.FromMilliseconds(40), poll: TimeSpan.FromHours(1), out var stop);

        await HeartbeatLoopTests.WaitUntilAsync(() => probe.Calls >= 4);
        Assert.Single(_collector.Postures); // three checks with nothing new: nothing sent again
        await HeartbeatLoopTests.WaitUntilAsync(() => _collector.Postures.Count >= 2);
        await HeartbeatLoopTests.WaitUntilAsync(() => probe.Calls >= 9);
        await StopAsync(stop, running);

        Assert.Equal(2, _collector.Postures.Count);
        using var first = JsonDocument.Parse(_collector.Postures.First());
        using var changed = JsonDocument.Parse(_collector.Postures.Last());
        Assert.Equal("a_test1", first.RootElement.GetProperty("agent_id").GetString());
        var av = Assert.Single(first.RootElement.GetProperty("antivirus").EnumerateArray().ToList());
        Assert.Equal("Windows Defender", av.GetProperty("product").GetString());
        Assert.Equal(397568, av.GetProperty("product_state").GetInt64());
        Assert.True(av.GetProperty("realtime").GetBoolean());
        Assert.True(first.RootElement.GetProperty("defender").GetProperty("realtime_protection").GetBoolean());
        Assert.False(changed.RootElement.GetProperty("antivirus")[0].GetProperty("realtime").GetBoolean());
        Assert.False(changed.RootElement.GetProperty("defender").GetProperty("realtime_protection").GetBoolean());
    }

    [Fact]
    public async Task A_channel_found_missing_is_sent_once_with_the_next_check_and_the_body_reads_strictly()
    {
        var channels = new ChannelStates();
        channels.Set("Security", ChannelState.Ok);
        var probe = new RecordedProbe(_ => Healthy);
        var running = Start(probe, check: TimeSpan.FromMilliseconds(30), poll: TimeSpan.FromHours(1), out var stop, channels);

        await HeartbeatLoopTests.WaitUntilAsync(() => !_collector.Postures.IsEmpty);
        channels.Set("Microsoft-Windows-Sysmon/Operational", ChannelState.Missing);
        await HeartbeatLoopTests.WaitUntilAsync(() => _collector.Postures.Count >= 2);
        var calls = probe.Calls;
        await HeartbeatLoopTests.WaitUntilAsync(() => probe.Calls >= calls + 3);
        await StopAsync(stop, running);

        Assert.Equal(2, _collector.Postures.Count);
        var last = AgentProtocolReader.ReadPosture(System.Text.Encoding.UTF8.GetBytes(_collector.Postures.Last()));
        Assert.Equal([new ChannelState("Security", ChannelState.Ok, null), new ChannelState("Microsoft-Windows-Sysmon/Operational", ChannelState.Missing, null)], last.Channels!);
    }

    [Fact]
    public async Task An_unchanged_posture_is_sent_again_once_the_poll_interval_has_passed()
    {
        var probe = new RecordedProbe(_ => Healthy);
        var running = Start(probe, check: TimeSpan.FromMilliseconds(30), poll: TimeSpan.FromMilliseconds(200), out var stop);

        await HeartbeatLoopTests.WaitUntilAsync(() => _collector.Postures.Count >= 2);
        await StopAsync(stop, running);

        // (That an unchanged posture is not re-sent before the poll interval is the first test's point.)
        var bodies = _collector.Postures.Take(2).Select(b => JsonDocument.Parse(b)).ToList();
        Assert.Equal(bodies[0].RootElement.GetProperty("antivirus").GetRawText(), bodies[1].RootElement.GetProperty("antivirus").GetRawText());
        Assert.True(bodies[1].RootElement.GetProperty("observed_at").GetDateTimeOffset() >= bodies[0].RootElement.GetProperty("observed_at").GetDateTimeOffset().AddMilliseconds(200));
        bodies.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task A_failing_probe_is_logged_and_checked_again_later()
    {
        var probe = new RecordedProbe(call => call <= 2 ? throw new InvalidOperationException("WMI is not running") : Healthy);
        var running = Start(probe, check: TimeSpan.FromMilliseconds(30), poll: TimeSpan.FromHours(1), out var stop);

        await HeartbeatLoopTests.WaitUntilAsync(() => !_collector.Postures.IsEmpty);
        await StopAsync(stop, running);

        Assert.True(probe.Calls >= 3);
    }

    private Task Start(RecordedProbe probe, TimeSpan check, TimeSpan poll, out CancellationTokenSource stop, ChannelStates? channels = null)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var client = TransportBuilder.Client(_collector.Url);
        var loop = new PostureLoop(probe, client, TransportBuilder.Credentials, check, poll, new TestClock(), NullLogger.Instance, channels);
        var token = stop.Token;
        return Task.Run(async () =>
        {
            using (client)
                await loop.RunAsync(token);
        }, TestContext.Current.CancellationToken);
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        stop.Dispose();
    }

    /// <summary>Plays back recorded posture values, one per check, numbered from 1.</summary>
    private sealed class RecordedProbe(Func<int, PostureReport> answer) : IPostureProbe
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<PostureReport> ProbeAsync(CancellationToken cancellationToken) =>
            Task.FromResult(answer(Interlocked.Increment(ref _calls)));
    }
}
