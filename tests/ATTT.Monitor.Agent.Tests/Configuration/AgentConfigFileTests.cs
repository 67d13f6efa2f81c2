using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Agent.Tests.Support;

namespace ATTT.Monitor.Agent.Tests.Configuration;

public sealed class AgentConfigFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string yaml)
    {
        var path = _temp.Combine("agent.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Every_documented_key_is_read()
    {
        var settings = new AgentSettings();
        AgentConfigFile.Apply(Write("""
            collector: https://collector.xa.local:5443
            state: C:\ProgramData\ATTT\agent
            enroll_code: K7QF-93XD-PLM2
            source: windows
            heartbeat_interval: 2m
            spool:
              max_mb: 256
              fsync: true
            transport:
              pinned_sha256: ["AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"]
              timeout: 20s
            batch:
              max_events: 500
              flush_interval: 2s
            posture:
              poll: 10m
              check: 30s
            channels:
              - name: Security
                event_ids: "4624, 4625, -4634"
              - name: Microsoft-Windows-Sysmon/Operational
                optional: true
            """), settings);

        Assert.Equal(new Uri("https://collector.xa.local:5443"), settings.Collector);
        Assert.Equal("K7QF-93XD-PLM2", settings.EnrollCode);
        Assert.Equal(256L * 1024 * 1024, settings.Spool.MaxBytes);
        Assert.Single(settings.Transport.PinnedSha256);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.Transport.AttemptTimeout);
        Assert.Equal(500, settings.Pipeline.MaxBatchEvents);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.Pipeline.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Pipeline.PosturePoll);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Pipeline.PostureCheck);
        Assert.Equal(2, settings.Channels.Count);
        Assert.True(settings.Channels[1].Optional);
        Assert.Equal("4624, 4625, -4634", settings.Channels[0].EventIds.ToString());
    }

    [Theory]
    [InlineData("colector: https://x\n", "line 1", "colector")]
    [InlineData("spool:\n  max_mb: lots\n", "line 2", "number")]
    [InlineData("transport:\n  pinned_sha256: [\"1234\"]\n", "line 2", "1234")]
    [InlineData("posture:\n  poll: soon\n", "line 2", "duration")]
    [InlineData("channels:\n  - name: Security\n    event_ids: 4624, 47x\n", "line 3", "'47x'")]
    [InlineData("channels:\n  - name: Security\n    filter: EventID=1\n", "line 3", "event_ids")]
    [InlineData("collector: [a\n", "line", "agent.yaml")]
    public void A_bad_file_names_the_line_and_the_fault(string yaml, string line, string fault)
    {
        var ex = Assert.Throws<FormatException>(() => AgentConfigFile.Apply(Write(yaml), new AgentSettings()));

        Assert.Contains(line, ex.Message, StringComparison.Ordinal);
        Assert.Contains(fault, ex.Message, StringComparison.Ordinal);
    }
}
