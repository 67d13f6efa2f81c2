using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Tests.Pipeline;
using ATTT.Monitor.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary>
/// The whole agent (spool, batches, HTTP) replaying against Kestrel on loopback: an OTRF campaign
/// zip from ../shared delivered to its last event, and a line with a lone surrogate delivered as
/// valid text instead of ending the run.
/// </summary>
public sealed class ReplayDeliveryTests : IAsyncLifetime
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
    public async Task An_otrf_campaign_zip_is_delivered_to_its_last_event()
    {
        var zip = Path.Combine(SharedData.Root, "datasets", "otrf", "LSASS_campaign_02.zip");

        await Run("jsonl:" + zip).WaitAsync(TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        var delivered = _collector.Batches.SelectMany(b => b.Events).ToList();
        Assert.Equal(ReplaySourceTests.LinesIn(zip), delivered.Count);
        Assert.All(delivered, e => Assert.Equal("ACCT01.pandalab.com", e.Computer));
        Assert.Contains(delivered, e => e.Channel == "Microsoft-Windows-Sysmon/Operational" && e.EventId == 10);
        Assert.Equal(0, _collector.TotalDropped);
    }

    [Fact]
    public async Task A_line_with_a_lone_surrogate_is_delivered_with_the_replacement_character()
    {
        var bad = JsonlEvents.Line(2).Replace("\"LogonType\":3", "\"TargetUserName\":\"\\ud800admin\"", StringComparison.Ordinal);
        File.WriteAllLines(_folder.Combine("events.jsonl"), [JsonlEvents.Line(1), bad, JsonlEvents.Line(3)]);

        await Run("jsonl:" + _folder.Combine("events.jsonl")).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var delivered = _collector.Batches.SelectMany(b => b.Events).ToList();
        Assert.Equal([1L, 2L, 3L], delivered.Select(e => e.RecordId));
        Assert.True(delivered[1].TryGetField("TargetUserName", out var name));
        Assert.Equal("\uFFFDadmin", name);
    }

    private Task Run(string source)
    {
        var settings = new AgentSettings
        {
            Collector = _collector.Url,
            StateDirectory = _folder.Combine("state"),
            Source = source,
            EnrollCode = "K7QF-93XD-PLM2",
            ExitWhenDrained = true,
        };
        settings.Pipeline.FlushInterval = TimeSpan.FromMilliseconds(50);
        return new AgentRunner(settings, NullLoggerFactory.Instance, posture: null).RunAsync(TestContext.Current.CancellationToken);
    }
}
