using System.Text;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Tests.Posture;

/// <summary>The posture sample of docs/protocol.md through the shared reader the collector uses.</summary>
public sealed class PostureBodyTests
{
    private const string Sample = """
        {"v":1,"agent_id":"a_01J","observed_at":"2026-11-27T03:00:00Z","extra":"ignored",
         "antivirus":[{"product":"Windows Defender","product_state":397568,"enabled":true,"realtime":true,"definitions_up_to_date":true,"path":"windowsdefender://"}],
         "defender":{"service_running":true,"realtime_protection":true,"antivirus_enabled":true,"signature_version":"1.421.123.0",
           "signature_updated_at":"2026-11-26T20:00:00Z","signature_age_days":0,"last_quick_scan_at":"2026-11-27T01:00:00Z","last_full_scan_at":null,"tamper_protection":true}}
        """;

    [Fact]
    public void Reads_the_protocol_sample()
    {
        var report = AgentProtocolReader.ReadPosture(Encoding.UTF8.GetBytes(Sample));
        Assert.Equal("a_01J", report.AgentId);
        Assert.Equal(397568, Assert.Single(report.Antivirus).ProductState);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero), report.Defender!.SignatureUpdatedAt);
        Assert.True(report.Defender.TamperProtection);
        Assert.Null(report.Defender.LastFullScanAt);
    }

    [Theory]
    [InlineData("""{"v":2,"agent_id":"a","observed_at":"2026-11-27T03:00:00Z","antivirus":[]}""", "v")]
    [InlineData("""{"v":1,"observed_at":"2026-11-27T03:00:00Z","antivirus":[]}""", "agent_id")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"yesterday","antivirus":[]}""", "observed_at")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T03:00:00Z"}""", "antivirus")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T03:00:00Z","antivirus":[{"product":"X","enabled":"yes"}]}""", "antivirus[0].enabled")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T03:00:00Z","antivirus":[],"defender":{"signature_age_days":"old"}}""", "defender.signature_age_days")]
    [InlineData("""{"v":1,""", "")]
    public void Names_the_field_at_fault(string body, string field)
    {
        var ex = Assert.Throws<WireFormatException>(() => AgentProtocolReader.ReadPosture(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(field, ex.Field);
    }
}
