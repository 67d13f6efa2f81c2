using System.Text;
using ATTT.Monitor.Events.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

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
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"data\":[[\"a\"]]}]}", "events[0].data[0]")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"data\":[[\"a\",1,2]]}]}", "events[0].data[0]")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"data\":[[\"a\",1],[]]}]}", "events[0].data[1]")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"data\":\"x\"}]}", "events[0].data")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\",\"payload\":\"Other\"}]}", "events[0].payload")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\"},{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":7}]}", "events[1].channel")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[5]}", "events[0]")]
    [InlineData("{\"v\":1,\"seq\":1,\"dropped\":-1,\"events\":[]}", "dropped")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[]} trailing", "")]
    [InlineData("{\"v\":1,\"seq\":1,\"events\":[]", "")]
    [InlineData("", "")]
    public void Hostile_or_broken_bodies_name_the_field_at_fault(string body, string field)
    {
        var ex = Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(field, ex.Field);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Unknown_properties_are_skipped_and_a_repeated_one_counts_by_its_last_value()
    {
        const string body = """
            {"v":1,"seq":7,"future":{"a":[1,{"b":2}]},"events":[
              {"event_id":1,"event_id":4625,"time":"2026-01-01T07:00:00+07:00","channel":"Security","extra":[[1]],
               "data":[["N",1.5],["B",true],["Z",null],["U",18446744073709551615],["S","x\u00e0"]],"recovered":"yes"}]}
            """;
        var batch = EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body));

        Assert.Equal(7, batch.Sequence);
        Assert.Equal("", batch.AgentId);
        var e = Assert.Single(batch.Events);
        Assert.Equal(4625, e.EventId);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), e.TimeCreated);
        Assert.False(e.Recovered);
        Assert.Equal(
            [new EventField("N", "1.5", EventValueKind.Float), new EventField("B", "true", EventValueKind.Boolean), new EventField("Z", null, EventValueKind.Null),
             new EventField("U", "18446744073709551615", EventValueKind.Integer), new EventField("S", "xà")],
            e.Fields);
    }

    [Fact]
    public void A_batch_over_the_limit_is_refused_with_its_size()
    {
        var one = "{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\"}";
        var body = "{\"v\":1,\"seq\":1,\"events\":[" + string.Join(',', Enumerable.Repeat(one, EventBatch.MaxEvents + 2)) + "]}";

        var ex = Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("events", ex.Field);
        Assert.True(ex.TooLarge);
        Assert.Contains($"this one has {EventBatch.MaxEvents + 2}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_at_the_limit_is_read_and_a_malformed_one_is_not_too_large()
    {
        var one = "{\"event_id\":1,\"time\":\"2026-01-01T00:00:00Z\",\"channel\":\"S\"}";
        var full = "{\"v\":1,\"seq\":1,\"events\":[" + string.Join(',', Enumerable.Repeat(one, EventBatch.MaxEvents)) + "]}";

        Assert.Equal(EventBatch.MaxEvents, EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(full)).Events.Count);
        var ex = Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch("{\"v\":1,\"seq\":1,\"events\":{}}"u8.ToArray()));
        Assert.Equal("events", ex.Field);
        Assert.False(ex.TooLarge);
    }

    [Fact]
    public void A_single_event_names_its_own_path()
    {
        var ex = Assert.Throws<WireFormatException>(() => EventWireReader.ReadEvent("{\"event_id\":1,\"channel\":\"S\"}"u8, "event"));
        Assert.Equal("event.time", ex.Field);
        Assert.Equal("event", Assert.Throws<WireFormatException>(() => EventWireReader.ReadEvent("{\"event_id\":"u8, "event")).Field);
    }

    [Fact]
    public void Deeply_nested_body_is_rejected_as_wire_error()
    {
        var body = "{\"v\":1,\"seq\":1,\"events\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(Encoding.UTF8.GetBytes(body)));
    }
}
