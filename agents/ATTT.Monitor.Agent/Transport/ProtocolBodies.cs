using System.IO.Compression;
using System.Text.Json;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>The agent's bodies of docs/protocol.md that are not written by the shared codec as they are.</summary>
internal static class ProtocolBodies
{
    /// <summary>An event batch, gzip-compressed; the events are the spool's JSON array, copied as they are.</summary>
    public static byte[] GzipBatch(string agentId, long sequence, long dropped, IReadOnlyList<ChannelLoss>? losses, DateTimeOffset sentAt,
        ReadOnlyMemory<byte> eventsJson)
    {
        using var output = new MemoryStream(eventsJson.Length / 4 + 256);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip))
            EventWireWriter.WriteBatch(writer, agentId, sequence, sentAt, dropped, losses, eventsJson.Span);
        return output.ToArray();
    }

    public static byte[] Enroll(string code, HostInventory inventory) =>
        AgentProtocolWriter.Write(new EnrollRequest(code, inventory.Host, inventory.OperatingSystem, inventory.AgentVersion));

    /// <summary>A JSON object written by <paramref name="body"/> (the quarantine file).</summary>
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
