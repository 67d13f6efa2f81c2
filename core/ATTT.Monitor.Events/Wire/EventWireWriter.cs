using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Events.Wire;

/// <summary>Writes events and batches in the wire format of docs/protocol.md.</summary>
public static class EventWireWriter
{
    public static void WriteBatch(Utf8JsonWriter writer, EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(batch);
        WriteBatchHeader(writer, batch.AgentId, batch.Sequence, batch.SentAt, batch.Dropped, batch.Losses);
        writer.WriteStartArray("events");
        foreach (var e in batch.Events)
            WriteEvent(writer, e);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A batch whose events are already wire JSON (the agent's spool holds them so): the header, then
    /// <paramref name="eventsJson"/> (a JSON array) copied as it is.
    /// </summary>
    public static void WriteBatch(Utf8JsonWriter writer, string agentId, long sequence, DateTimeOffset sentAt, long dropped,
        IReadOnlyList<ChannelLoss>? losses, ReadOnlySpan<byte> eventsJson)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteBatchHeader(writer, agentId, sequence, sentAt, dropped, losses);
        writer.WritePropertyName("events");
        writer.WriteRawValue(eventsJson, skipInputValidation: true);
        writer.WriteEndObject();
    }

    private static void WriteBatchHeader(Utf8JsonWriter writer, string agentId, long sequence, DateTimeOffset sentAt, long dropped,
        IReadOnlyList<ChannelLoss>? losses)
    {
        writer.WriteStartObject();
        writer.WriteNumber("v", EventBatch.ProtocolVersion);
        writer.WriteString("agent_id", agentId);
        writer.WriteNumber("seq", sequence);
        writer.WriteString("sent_at", EventTime.Format(sentAt));
        writer.WriteNumber("dropped", dropped);
        ChannelLossWire.Write(writer, losses);
    }

    /// <summary>A <c>losses</c> array on its own (the agent's spool keeps it with the batch's events).</summary>
    public static byte[] SerializeLosses(IReadOnlyList<ChannelLoss> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
            ChannelLossWire.WriteArray(writer, losses);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] SerializeBatch(EventBatch batch)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
            WriteBatch(writer, batch);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteEvent(Utf8JsonWriter writer, EventRecord e)
    {
        writer.WriteStartObject();
        writer.WriteString("provider", e.Provider);
        WriteOptional(writer, "provider_guid", e.ProviderGuid);
        WriteOptional(writer, "event_source_name", e.EventSourceName);
        writer.WriteNumber("event_id", e.EventId);
        WriteOptional(writer, "qualifiers", e.Qualifiers);
        WriteOptional(writer, "version", e.Version);
        WriteOptional(writer, "level", e.Level);
        WriteOptional(writer, "task", e.Task);
        WriteOptional(writer, "opcode", e.Opcode);
        WriteOptional(writer, "keywords", e.Keywords);
        writer.WriteString("time", EventTime.Format(e.TimeCreated));
        writer.WriteNumber("record_id", e.RecordId);
        WriteOptional(writer, "activity_id", e.ActivityId);
        WriteOptional(writer, "related_activity_id", e.RelatedActivityId);
        WriteOptional(writer, "process_id", e.ProcessId);
        WriteOptional(writer, "thread_id", e.ThreadId);
        writer.WriteString("channel", e.Channel);
        writer.WriteString("computer", e.Computer);
        WriteOptional(writer, "user_id", e.UserId);
        writer.WriteString("payload", e.PayloadKind.ToString());
        WriteOptional(writer, "userdata_name", e.UserDataName);
        writer.WriteStartArray("data");
        foreach (var f in e.Fields)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(f.Name);
            EventFieldJson.WriteValue(writer, f);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        if (e.Recovered)
            writer.WriteBoolean("recovered", true);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is not null)
            writer.WriteNumber(name, value.Value);
    }
}
