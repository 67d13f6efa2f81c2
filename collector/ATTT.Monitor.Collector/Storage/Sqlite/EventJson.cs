using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// An event's stored form: its wire JSON, written with relaxed escaping so Vietnamese text stays
/// readable UTF-8 (compact, and searchable as text). Only ever parsed back, never rendered raw.
/// </summary>
internal static class EventJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(EventRecord e, ArrayBufferWriter<byte> buffer)
    {
        using var writer = CreateWriter(buffer);
        return Serialize(e, buffer, writer);
    }

    /// <summary>A writer to pass to <see cref="Serialize(EventRecord, ArrayBufferWriter{byte}, Utf8JsonWriter)"/> for a whole batch.</summary>
    public static Utf8JsonWriter CreateWriter(ArrayBufferWriter<byte> buffer) => new(buffer, WriterOptions);

    /// <summary>Serialises with a writer reused across the events of a batch (one writer, one buffer).</summary>
    public static string Serialize(EventRecord e, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        EventWireWriter.WriteEvent(writer, e);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static EventRecord Deserialize(string body)
    {
        using var document = JsonDocument.Parse(body);
        return EventWireReader.ReadEvent(document.RootElement, "event");
    }

    /// <summary>The needle as it appears inside the stored JSON (same escaping, no quotes).</summary>
    public static string EscapeForSearch(string text)
    {
        var encoded = JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return encoded.ToString();
    }

    public static long ToUnixMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromUnixMilliseconds(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
