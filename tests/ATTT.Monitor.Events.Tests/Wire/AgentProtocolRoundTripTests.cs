using System.Text;
using ATTT.Monitor.Events.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Events.Tests.Wire;

public class AgentProtocolRoundTripTests
{
    [Fact]
    public void Enrollment_request_and_answer_round_trip()
    {
        Assert.Equal(ProtocolSamples.Enroll(), AgentProtocolReader.ReadEnroll(AgentProtocolWriter.Write(ProtocolSamples.Enroll())));
        Assert.Equal(ProtocolSamples.EnrollAnswer(), AgentProtocolReader.ReadEnrollResponse(AgentProtocolWriter.Write(ProtocolSamples.EnrollAnswer())));
    }

    [Fact]
    public void The_enrollment_answer_never_shows_its_token_as_text() =>
        Assert.DoesNotContain("secret-token", ProtocolSamples.EnrollAnswer().ToString(), StringComparison.Ordinal);

    [Fact]
    public void Heartbeat_round_trips()
    {
        var read = AgentProtocolReader.ReadHeartbeat(AgentProtocolWriter.Write(ProtocolSamples.Heartbeat()));
        var sample = ProtocolSamples.Heartbeat();
        Assert.Equal(sample.AgentId, read.AgentId);
        Assert.Equal(sample.SentAt, read.SentAt);
        Assert.Equal(sample.Spool, read.Spool);
        Assert.Equal(sample.Inventory!.IpAddresses, read.Inventory!.IpAddresses);
        Assert.Equal(sample.Inventory with { IpAddresses = [] }, read.Inventory with { IpAddresses = [] });
    }

    [Fact]
    public void Posture_round_trips_with_inventory_certificates_exclusions_and_channels()
    {
        var sample = ProtocolSamples.Posture();
        var read = AgentProtocolReader.ReadPosture(AgentProtocolWriter.Write(sample));
        Assert.False(read.DiffersFrom(sample));
        Assert.Equal(sample.Defender, read.Defender);
        Assert.Equal(sample.Inventory, read.Inventory);
        Assert.Equal(sample.Certificates, read.Certificates);
        Assert.Equal("CN=Nguyễn Văn A, O=UBND xã Sảng Mộc", read.Certificates![0].Subject);
    }

    [Fact]
    public void A_posture_body_of_the_first_version_without_the_new_parts_is_still_read()
    {
        // What agents before the inventory and certificates sent (docs/protocol.md, versioning: additive fields keep v 1).
        var body = """
            {"v":1,"agent_id":"a_1","observed_at":"2026-11-27T03:15:00.000000Z",
             "antivirus":[{"product":"Windows Defender","product_state":397568,"enabled":true,"realtime":true,"definitions_up_to_date":true,"path":"windowsdefender://"}],
             "defender":{"service_running":true,"realtime_protection":true,"antivirus_enabled":true,"signature_version":"1.421.123.0",
               "signature_updated_at":"2026-11-27T00:00:00Z","signature_age_days":0,"last_quick_scan_at":null,"last_full_scan_at":null,"tamper_protection":true}}
            """;
        var read = AgentProtocolReader.ReadPosture(Encoding.UTF8.GetBytes(body));
        Assert.Null(read.Inventory);
        Assert.Null(read.Certificates);
        Assert.Null(read.Defender!.Exclusions);
        Assert.Equal(397568, read.Antivirus[0].ProductState);
    }

    [Fact]
    public void A_change_of_an_exclusion_or_a_certificate_is_a_change_of_posture()
    {
        var sample = ProtocolSamples.Posture();
        var moreExclusions = sample with { Defender = sample.Defender! with { Exclusions = sample.Defender.Exclusions! with { Paths = [@"C:\Temp"] } } };
        Assert.True(moreExclusions.DiffersFrom(sample));
        Assert.True((sample with { Certificates = [] }).DiffersFrom(sample));
        Assert.False((sample with { ObservedAt = sample.ObservedAt.AddMinutes(5) }).DiffersFrom(sample));
    }

    [Fact]
    public void Batch_losses_round_trip_and_a_batch_without_them_reads_as_none()
    {
        var read = EventWireReader.ReadBatch(EventWireWriter.SerializeBatch(ProtocolSamples.Batch()));
        Assert.Equal(ProtocolSamples.Batch().Losses, read.Losses);
        var plain = EventWireReader.ReadBatch(EventWireWriter.SerializeBatch(ProtocolSamples.Batch() with { Losses = null }));
        Assert.Null(plain.Losses);
        Assert.DoesNotContain("losses", Encoding.UTF8.GetString(EventWireWriter.SerializeBatch(ProtocolSamples.Batch() with { Losses = [] })), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"v":2,"agent_id":"a","observed_at":"2026-11-27T00:00:00Z","antivirus":[]}""", "v")]
    [InlineData("""{"v":1,"observed_at":"2026-11-27T00:00:00Z","antivirus":[]}""", "agent_id")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T00:00:00Z"}""", "antivirus")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T00:00:00Z","antivirus":[],"certificates":[{"subject":"s"}]}""", "certificates[0].issuer")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T00:00:00Z","antivirus":[],"inventory":{"ram_bytes":-1}}""", "inventory.ram_bytes")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T00:00:00Z","antivirus":[],"inventory":{"tpm":{"present":"yes"}}}""", "inventory.tpm.present")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"2026-11-27T00:00:00Z","antivirus":[],"channels":[{"name":"Security","state":"sleeping"}]}""", "channels[0].state")]
    [InlineData("""{"v":1,"agent_id":"a","observed_at":"yesterday","antivirus":[]}""", "observed_at")]
    public void A_bad_posture_field_is_named(string body, string field) =>
        Assert.Equal(field, Assert.Throws<WireFormatException>(() => AgentProtocolReader.ReadPosture(Encoding.UTF8.GetBytes(body))).Field);

    [Theory]
    [InlineData("""{"v":1,"seq":1,"events":[],"losses":[{"channel":"Security","kind":"lost","records":1,"detected_at":"2026-11-27T00:00:00Z"}]}""", "losses[0].kind")]
    [InlineData("""{"v":1,"seq":1,"events":[],"losses":[{"kind":"gap","records":1,"detected_at":"2026-11-27T00:00:00Z"}]}""", "losses[0].channel")]
    [InlineData("""{"v":1,"seq":1,"events":[],"losses":[{"channel":"S","kind":"gap","records":-4,"detected_at":"2026-11-27T00:00:00Z"}]}""", "losses[0].records")]
    [InlineData("""{"v":1,"seq":1,"events":[],"losses":{}}""", "losses")]
    public void A_bad_loss_is_named(string body, string field) =>
        Assert.Equal(field, Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body))).Field);
}
