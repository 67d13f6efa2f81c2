using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// Writes the collector's small JSON answers (acknowledgements, <c>{"error", "field"}</c>). The
/// agents' bodies are read by the shared codec (<c>ATTT.Monitor.Events.Wire</c>).
/// </summary>
internal static class IngestJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

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

    public static byte[] Error(string message, string? field) => Write(w =>
    {
        w.WriteString("error", message);
        if (field is not null)
            w.WriteString("field", field);
    });
}
