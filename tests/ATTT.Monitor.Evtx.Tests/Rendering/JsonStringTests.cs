using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx.Rendering;

namespace ATTT.Monitor.Evtx.Tests.Rendering;

/// <summary>
/// Plain ASCII string values are written without the JSON encoder's search: what comes out must be
/// exactly what the writer itself writes with the dump's encoder, for every character and mix.
/// </summary>
public sealed class JsonStringTests
{
    private static List<string> Texts()
    {
        var data = new List<string> { "", "C:\\Windows\\System32\\cmd.exe", "a\"b", "<script>&'+`", "plain text 123", "tab\there", "Xã Sảng Mộc", "\u007f", "emoji \U0001F600" };
        for (var c = 0; c < 0x100; c++)
            data.Add($"x{(char)c}y");
        data.Add(new string('a', 256));
        data.Add(new string('a', 257));
        data.Add(new string('a', 255) + "\"");
        return data;
    }

    [Fact]
    public void A_string_value_is_written_as_the_writer_writes_it()
    {
        var texts = Texts();
        var wrong = texts
            .Where(text => Expected(text) != Render(new XmlNode("Event") { Text = text, TextKind = EventValueKind.String }))
            .Select(text => string.Join(' ', text.Select(c => ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {texts.Count} written differently: {string.Join(" / ", wrong.Take(5))}");
    }

    private static string Render(XmlNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, EvtxDocument.JsonWriterOptions))
            JsonRenderer.Write(node, writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Expected(string text)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, EvtxDocument.JsonWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("Event", text);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
