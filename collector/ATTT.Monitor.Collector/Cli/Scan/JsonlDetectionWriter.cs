using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>
/// One JSON object per detection with the keys of ../shared/CONTRACT.md. Event text is
/// attacker-controlled; the JSON writer escapes it.
/// </summary>
internal sealed class JsonlDetectionWriter(TextWriter output) : IDetectionWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public void Write(SigmaDetection detection, string input)
    {
        var f = DetectionFields.Of(detection);
        _buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("rule_id", detection.Rule.Id);
            w.WriteString("rule_title", detection.Rule.Title);
            w.WriteString("level", detection.Rule.LevelName);
            w.WriteString("input", input);
            if (f.RecordId is { } rid) w.WriteNumber("record_id", rid);
            else w.WriteNull("record_id");
            w.WriteString("timestamp", f.Timestamp);
            w.WriteString("computer", f.Computer);
            w.WriteString("channel", f.Channel);
            if (f.EventId is { } eid) w.WriteNumber("event_id", eid);
            else w.WriteNull("event_id");
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    public void Complete() => output.Flush();
}
