using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// Reads the small bodies of docs/protocol.md (enroll, heartbeat) and writes the answers. Every
/// problem is a <see cref="WireFormatException"/> naming the field, like the batch reader.
/// </summary>
internal static class IngestJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    public sealed record EnrollRequest(string Code, string Host, string? Os, string? AgentVersion);

    public sealed record Heartbeat(string AgentId, AgentInventory Inventory);

    public static EnrollRequest ReadEnroll(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        CheckVersion(root);
        return new EnrollRequest(
            String(root, "code") ?? throw Missing("code"),
            String(root, "host") ?? throw Missing("host"),
            String(root, "os"),
            String(root, "agent_version"));
    }

    public static Heartbeat ReadHeartbeat(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        CheckVersion(root);
        var agentId = String(root, "agent_id") ?? throw Missing("agent_id");
        var inventory = Object(root, "inventory", "inventory");
        var spool = Object(root, "spool", "spool");
        var ips = new List<string>();
        if (inventory is { } inv && inv.TryGetProperty("ips", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() > 64)
                throw new WireFormatException("inventory.ips", "inventory.ips must be an array of at most 64 strings.");
            var i = 0;
            foreach (var ip in list.EnumerateArray())
            {
                if (ip.ValueKind != JsonValueKind.String)
                    throw new WireFormatException($"inventory.ips[{i}]", $"inventory.ips[{i}] must be a string.");
                ips.Add(ip.GetString()!);
                i++;
            }
        }

        return new Heartbeat(agentId, new AgentInventory(
            inventory is { } a ? String(a, "host", "inventory.host") : null,
            inventory is { } b ? String(b, "os", "inventory.os") : null,
            ips,
            inventory is { } c ? String(c, "agent_version", "inventory.agent_version") : null,
            spool is { } s1 ? Integer(s1, "depth_events", "spool.depth_events") : null,
            spool is { } s2 ? Integer(s2, "depth_bytes", "spool.depth_bytes") : null,
            spool is { } s3 ? Integer(s3, "dropped_total", "spool.dropped_total") : null,
            spool is { } s4 ? String(s4, "last_error", "spool.last_error") : null));
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new WireFormatException("", $"The body is not valid JSON: {ex.Message}");
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
            return document;
        document.Dispose();
        throw new WireFormatException("", "The body must be a JSON object.");
    }

    private static void CheckVersion(JsonElement root)
    {
        var v = Integer(root, "v", "v") ?? throw Missing("v");
        if (v != EventBatch.ProtocolVersion)
            throw new WireFormatException("v", "unsupported protocol version");
    }

    private static JsonElement? Object(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.Object ? v : throw new WireFormatException(path, $"{path} must be an object.");
    }

    private static string? String(JsonElement e, string name, string? path = null)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new WireFormatException(path ?? name, $"{path ?? name} must be a string.");
    }

    private static long? Integer(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : throw new WireFormatException(path, $"{path} must be an integer.");
    }

    private static WireFormatException Missing(string field) => new(field, $"{field} is required.");
}
