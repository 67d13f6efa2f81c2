using System.Buffers;
using System.Globalization;
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

    /// <summary>
    /// True when reading the serialised event back gives an equal event. Strings, booleans and
    /// integers as the wire reader produces them always do; a float or an integer in another
    /// notation (<c>1.50</c>, <c>-0</c>) is rewritten by the writer and reads back changed.
    /// </summary>
    public static bool RoundTripsExactly(EventRecord e)
    {
        var fields = e.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            if (f.Value is null)
                continue;
            if (f.Kind == EventValueKind.Float)
                return false;
            if (f.Kind == EventValueKind.Integer && !IsCanonicalInteger(f.Value))
                return false;
        }

        return true;
    }

    private static bool IsCanonicalInteger(string text)
    {
        Span<char> canonical = stackalloc char[24];
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
            return l.TryFormat(canonical, out var n, default, CultureInfo.InvariantCulture) && canonical[..n].SequenceEqual(text);
        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u)
            && u.TryFormat(canonical, out var m, default, CultureInfo.InvariantCulture) && canonical[..m].SequenceEqual(text);
    }

    /// <summary>
    /// Serialises to exactly sized UTF-8, as the embedded store binds it (CAST to TEXT): no UTF-16
    /// string in between, which the SQLite binding would only convert back to UTF-8.
    /// </summary>
    public static byte[] SerializeUtf8(EventRecord e, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        EventWireWriter.WriteEvent(writer, e);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static EventRecord Deserialize(ReadOnlyMemory<byte> utf8Body) => EventWireReader.ReadEvent(utf8Body.Span, "event");

    public static EventRecord Deserialize(string body) => EventWireReader.ReadEvent(System.Text.Encoding.UTF8.GetBytes(body), "event");

    /// <summary>The needle as it appears inside the stored JSON (same escaping, no quotes).</summary>
    public static string EscapeForSearch(string text)
    {
        var encoded = JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return encoded.ToString();
    }

    public static long ToUnixMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromUnixMilliseconds(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
