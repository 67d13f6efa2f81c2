using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events.Json;

namespace ATTT.Monitor.Events.Tests.Json;

/// <summary>
/// Strings read from any JSON input are valid text: invalid UTF-8 and lone surrogates become U+FFFD
/// and the event is kept (attackers can put such strings into Windows logs).
/// </summary>
public sealed class JsonTextTests
{
    [Theory]
    [InlineData(@"a\ud800b", "a\uFFFDb")]          // lone high surrogate
    [InlineData(@"a\udc00b", "a\uFFFDb")]          // lone low surrogate
    [InlineData(@"\ud800\ud800", "\uFFFD\uFFFD")]  // two highs
    [InlineData(@"\ud800", "\uFFFD")]              // at the very end
    [InlineData(@"\ud83d\ude00!", "\U0001F600!")]  // a real pair stays
    [InlineData(@"\u0041\n\t\""\\\/", "A\n\t\"\\/")]
    [InlineData(@"Vi\u1ec7t Nam", "Việt Nam")]
    [InlineData("Xã Sảng Mộc", "Xã Sảng Mộc")]
    public void Escapes_are_decoded_and_lone_surrogates_replaced(string json, string expected)
    {
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetBytes($"{{\"{json}\":\"{json}\"}}"));
        var property = doc.RootElement.EnumerateObject().Single();
        Assert.Equal(expected, JsonText.GetName(property));
        Assert.Equal(expected, JsonText.GetString(property.Value));
    }

    [Fact]
    public void Invalid_utf8_becomes_the_replacement_character()
    {
        // 0xC3 starts a two-byte sequence that never ends; 0xFF is never valid.
        byte[] json = [.. "{\"k"u8, 0xC3, .. "\":\"x"u8, 0xC3, .. "y\\n"u8, 0xFF, .. "\"}"u8];
        using var doc = JsonDocument.Parse(json);
        var property = doc.RootElement.EnumerateObject().Single();
        Assert.Equal("k\uFFFD", JsonText.GetName(property));
        Assert.Equal("x\uFFFDy\n\uFFFD", JsonText.GetString(property.Value));
    }

    [Fact]
    public void Valid_strings_read_as_the_serializer_reads_them()
    {
        var random = new Random(20261127);
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = (char)random.Next(0x20, 0xD7FF);
            var text = new string(chars);
            var json = JsonSerializer.Serialize(text); // escapes some characters, keeps others raw
            using var doc = JsonDocument.Parse(json);
            Assert.Equal(text, JsonText.GetString(doc.RootElement));
        }
    }

    [Fact]
    public void A_record_with_a_lone_surrogate_is_read_not_rejected()
    {
        var json = "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"P\\ud800\"}},\"EventID\":1,\"Channel\":\"Security\",\"Computer\":\"pc\"}," +
            "\"EventData\":{\"Command\\udfff\":\"cmd \\ud800/c\"}}}";
        var e = EventJsonReader.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal("P\uFFFD", e.Provider);
        var field = Assert.Single(e.Fields);
        Assert.Equal("Command\uFFFD", field.Name);
        Assert.Equal("cmd \uFFFD/c", field.Value);
    }
}
