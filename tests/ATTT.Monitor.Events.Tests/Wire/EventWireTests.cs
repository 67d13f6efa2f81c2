using System.Text;
using ATTT.Monitor.Events.Tests.Support;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Events.Tests.Wire;

public class EventWireTests
{
    private static EventBatch Batch(params EventRecord[] events) =>
        new("a_1", 42, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), 3, events);

    [Fact]
    public void Batch_round_trips_every_field()
    {
        var original = EventBuilder.FailedLogon("Nguyễn Văn A");
        var bytes = EventWireWriter.SerializeBatch(Batch(original));
        var batch = EventWireReader.ReadBatch(bytes);

        Assert.Equal("a_1", batch.AgentId);
        Assert.Equal(42, batch.Sequence);
        Assert.Equal(3, batch.Dropped);
        var e = Assert.Single(batch.Events);
        Assert.Equal(original.Provider, e.Provider);
        Assert.Equal(original.ProviderGuid, e.ProviderGuid);
        Assert.Equal(original.EventId, e.EventId);
        Assert.Equal(original.TimeCreated, e.TimeCreated);
        Assert.Equal(original.RecordId, e.RecordId);
        Assert.Equal(original.Keywords, e.Keywords);
        Assert.Equal(original.ProcessId, e.ProcessId);
        Assert.Equal(original.PayloadKind, e.PayloadKind);
        Assert.Equal(original.Fields, e.Fields);
    }

    [Fact]
    public void Numbers_stay_numbers_on_the_wire()
    {
        var json = Encoding.UTF8.GetString(EventWireWriter.SerializeBatch(Batch(EventBuilder.FailedLogon())));
        Assert.Contains("[\"LogonType\",3]", json, StringComparison.Ordinal);
        Assert.Contains("[\"Empty\",null]", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "")]
    [InlineData("[]", "")]
    [InlineData("{\"v\":2,\"seq\":1,\"events\":[]}", "v")]
    [InlineData("{\"v\":1,\"events\":[]}", "seq")]
    [InlineData("{\"v\":1,\"seq\":0,\"events\":[]}", "seq")]
    [InlineData("{\"v\":1,\"seq\":1}", "events")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"Security\"}]}", "events[0].event_id")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\"}]}", "events[0].event_id")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":99999999999,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\"}]}", "events[0].event_id")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"yesterday\",\"channel\":\"S\"}]}", "events[0].time")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\"}]}", "events[0].channel")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"data\":[[1,2]]}]}", "events[0].data[0]")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"data\":[[\"a\",{}]]}]}", "events[0].data[0]")]
    public void Hostile_or_broken_bodies_name_the_field_at_fault(string body, string field)
    {
        var ex = Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(field, ex.Field);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Deeply_nested_body_is_rejected_as_wire_error()
    {
        var body = "{\"v\":1,\"seq\":1,\"events\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body)));
    }
}
