using System.IO.Compression;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>The JSON bodies of docs/protocol.md that the agent sends.</summary>
internal static class ProtocolBodies
{
    /// <summary>An event batch, gzip-compressed; the events are the spool's JSON array, copied as they are.</summary>
    public static byte[] GzipBatch(string agentId, long sequence, long dropped, DateTimeOffset sentAt, ReadOnlyMemory<byte> eventsJson)
    {
        using var output = new MemoryStream(eventsJson.Length / 4 + 256);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", EventBatch.ProtocolVersion);
            writer.WriteString("agent_id", agentId);
            writer.WriteNumber("seq", sequence);
            writer.WriteString("sent_at", EventTime.Format(sentAt));
            writer.WriteNumber("dropped", dropped);
            writer.WritePropertyName("events");
            writer.WriteRawValue(eventsJson.Span, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return output.ToArray();
    }

    public static byte[] Enroll(string code, HostInventory inventory) => Write(writer =>
    {
        writer.WriteNumber("v", EventBatch.ProtocolVersion);
        writer.WriteString("code", code);
        writer.WriteString("host", inventory.Host);
        writer.WriteString("os", inventory.OperatingSystem);
        writer.WriteString("agent_version", inventory.AgentVersion);
    });

    public static byte[] Heartbeat(string agentId, DateTimeOffset sentAt, HostInventory inventory, HeartbeatSpool spool) => Write(writer =>
    {
        writer.WriteNumber("v", EventBatch.ProtocolVersion);
        writer.WriteString("agent_id", agentId);
        writer.WriteString("sent_at", EventTime.Format(sentAt));
        writer.WriteStartObject("inventory");
        writer.WriteString("host", inventory.Host);
        writer.WriteString("os", inventory.OperatingSystem);
        writer.WriteStartArray("ips");
        foreach (var ip in inventory.IpAddresses)
            writer.WriteStringValue(ip);
        writer.WriteEndArray();
        writer.WriteString("agent_version", inventory.AgentVersion);
        writer.WriteEndObject();
        writer.WriteStartObject("spool");
        writer.WriteNumber("depth_events", spool.DepthEvents);
        writer.WriteNumber("depth_bytes", spool.DepthBytes);
        writer.WriteNumber("dropped_total", spool.DroppedTotal);
        if (spool.LastError is null)
            writer.WriteNull("last_error");
        else
            writer.WriteString("last_error", spool.LastError);
        writer.WriteEndObject();
    });

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
