using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Evtx.Rendering;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests.Rendering;

/// <summary>
/// The JSON of a dump is written by <see cref="JsonEmitter"/>, not token by token through a
/// <see cref="Utf8JsonWriter"/>: its bytes must be exactly the writer's, for every character in names
/// and values, and for numbers; <see cref="DumpGoldenTests"/> checks every record of the shared samples.
/// </summary>
public sealed class JsonEmitterTests
{
    private static List<string> Texts()
    {
        var data = new List<string> { "", "EventData", "C:\\Windows\\System32\\cmd.exe", "a\"b", "<script>&'+`", "Xã Sảng Mộc", "\u007f", "emoji \U0001F600", "lone \ud800 surrogate", "#text" };
        for (var c = 0; c < 0x100; c++)
            data.Add($"x{(char)c}y");
        data.Add(new string('a', 300));
        return data;
    }

    [Fact]
    public void Names_and_string_values_are_the_writers_bytes()
    {
        var wrong = new List<string>();
        foreach (var text in Texts())
        {
            var expected = WithWriter(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName(text);
                w.WriteStringValue(text);
                w.WriteString("next", text);
                w.WriteEndObject();
            });
            var actual = WithEmitter(e =>
            {
                e.WriteStartObject();
                e.WritePropertyName(text);
                e.WriteStringValue(text);
                e.WritePropertyName("next");
                e.WriteStringValue(text);
                e.WriteEndObject();
            });
            if (expected != actual)
                wrong.Add(string.Join(' ', text.Take(8).Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture))));
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} written differently: {string.Join(" / ", wrong.Take(5))}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(1e300)]
    [InlineData(-2.5e-310)]
    [InlineData(123456789.125)]
    [InlineData(3.4028234663852886e38)]
    public void Numbers_are_the_writers_bytes(double value)
    {
        var expected = WithWriter(w =>
        {
            w.WriteStartArray();
            w.WriteNumberValue(value);
            w.WriteNumberValue(value);
            w.WriteEndArray();
        });
        var actual = WithEmitter(e =>
        {
            e.WriteStartObject();
            e.WriteStartArray("a");
            e.WriteNumberValue(value);
            e.WriteNumberValue(value);
            e.WriteEndArray();
            e.WriteEndObject();
        });
        Assert.Equal("{\"a\":" + expected + "}", actual);
    }

    [Fact]
    public void Separators_nesting_and_literals_are_the_writers()
    {
        var expected = WithWriter(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("Event");
            w.WriteNull("a");
            w.WriteBoolean("b", true);
            w.WritePropertyName("c");
            w.WriteRawValue("-42", skipInputValidation: true);
            w.WriteStartObject("d");
            w.WriteStartArray("#text");
            w.WriteStringValue("x");
            w.WriteNullValue();
            w.WriteBooleanValue(false);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("e");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        var actual = WithEmitter(e =>
        {
            e.WriteStartObject();
            e.WriteStartObject("Event");
            e.WritePropertyName("a");
            e.WriteNullValue();
            e.WritePropertyName("b");
            e.WriteBooleanValue(true);
            e.WritePropertyName("c");
            e.WriteAscii("-42");
            e.WriteStartObject("d");
            e.WriteStartArray("#text");
            e.WriteStringValue("x");
            e.WriteNullValue();
            e.WriteBooleanValue(false);
            e.WriteEndArray();
            e.WriteEndObject();
            e.WriteStartObject("e");
            e.WriteEndObject();
            e.WriteEndObject();
            e.WriteEndObject();
        });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_writer_api_and_to_json_write_the_same_bytes_as_the_json_writer()
    {
        var file = SharedData.EvtxFiles(SharedData.AttackSamples)[0];
        using var json = new EvtxJsonWriter();
        foreach (var document in EvtxFile.ReadDocuments(file))
        {
            var rendered = Encoding.UTF8.GetString(json.Render(document));
            Assert.Equal(rendered, document.ToJson());
            Assert.Equal(rendered, WithWriter(document.WriteJson));
        }
    }

    private static string WithWriter(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, EvtxDocument.JsonWriterOptions))
            write(writer);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string WithEmitter(Action<JsonEmitter> write)
    {
        using var emitter = new JsonEmitter();
        write(emitter);
        return Encoding.UTF8.GetString(emitter.Written);
    }
}
