using System.Buffers;
using System.Text.Json;

namespace ATTT.Monitor.Agent.State;

/// <summary>
/// The state files' JSON (snake_case keys, indented, absent values left out), written with
/// <see cref="Utf8JsonWriter"/> and read with <see cref="JsonDocument"/>. Not through
/// <c>JsonSerializer</c>: its metadata and converter machinery, even source-generated, was some 170
/// compiled methods and their types kept resident for the agent's whole life, for two small records
/// (measured with bench/ATTT.Monitor.Agent.Bench --footprint). Unknown keys are ignored; a key of the wrong type is an error.
/// </summary>
internal static class StateFileJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static byte[] Write(AgentCheckpoint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Write(writer =>
        {
            writer.WriteNumber("acked_sequence", c.AckedSequence);
            WriteIfSet(writer, "acked_position", c.AckedPosition);
            writer.WriteNumber("dropped_pending", c.DroppedPending);
            writer.WriteNumber("dropped_total", c.DroppedTotal);
            WriteIfSet(writer, "last_error", c.LastError);
            if (c.LastErrorAt is { } errorAt)
                writer.WriteString("last_error_at", errorAt);
            if (c.LastAckAt is { } ackAt)
                writer.WriteString("last_ack_at", ackAt);
        });
    }

    public static byte[] Write(StoredCredentials s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Write(writer =>
        {
            writer.WriteString("agent_id", s.AgentId);
            WriteIfSet(writer, "unit", s.Unit);
            writer.WriteString("protection", s.Protection);
            writer.WriteString("token", s.Token);
        });
    }

    /// <summary>The checkpoint in <paramref name="json"/>; null for a JSON <c>null</c>. Throws <see cref="JsonException"/> when malformed.</summary>
    public static AgentCheckpoint? ReadCheckpoint(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
            return null;
        var c = new AgentCheckpoint();
        foreach (var p in Properties(root))
        {
            c = p.Name switch
            {
                "acked_sequence" => c with { AckedSequence = Int64(p) },
                "acked_position" => c with { AckedPosition = Text(p) },
                "dropped_pending" => c with { DroppedPending = Int64(p) },
                "dropped_total" => c with { DroppedTotal = Int64(p) },
                "last_error" => c with { LastError = Text(p) },
                "last_error_at" => c with { LastErrorAt = Time(p) },
                "last_ack_at" => c with { LastAckAt = Time(p) },
                _ => c,
            };
        }

        return c;
    }

    /// <summary>The credentials in <paramref name="json"/>; null for a JSON <c>null</c>. Throws <see cref="JsonException"/> when malformed.</summary>
    public static StoredCredentials? ReadCredentials(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
            return null;
        var s = new StoredCredentials();
        foreach (var p in Properties(root))
        {
            s = p.Name switch
            {
                "agent_id" => s with { AgentId = Text(p) ?? "" },
                "unit" => s with { Unit = Text(p) },
                "protection" => s with { Protection = Text(p) ?? "" },
                "token" => s with { Token = Text(p) ?? "" },
                _ => s,
            };
        }

        return s;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static JsonElement.ObjectEnumerator Properties(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object ? root.EnumerateObject() : throw new JsonException("The file must hold a JSON object.");

    private static long Int64(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var n) ? n : throw WrongType(p, "a whole number");

    private static string? Text(JsonProperty p) => p.Value.ValueKind switch
    {
        JsonValueKind.String => p.Value.GetString(),
        JsonValueKind.Null => null,
        _ => throw WrongType(p, "a string"),
    };

    private static DateTimeOffset? Time(JsonProperty p) => p.Value.ValueKind switch
    {
        JsonValueKind.String when p.Value.TryGetDateTimeOffset(out var t) => t,
        JsonValueKind.Null => null,
        _ => throw WrongType(p, "a date and time"),
    };

    private static JsonException WrongType(JsonProperty p, string expected) => new($"'{p.Name}' must be {expected}.");
}
