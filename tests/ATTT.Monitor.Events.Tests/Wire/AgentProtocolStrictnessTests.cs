using System.Text;
using ATTT.Monitor.Events.Tests.Support;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using CsCheck;

namespace ATTT.Monitor.Events.Tests.Wire;

/// <summary>
/// The readers are strict: whatever bytes stand in any field, the answer is the body or a
/// <see cref="WireFormatException"/> (the collector's 400), never another exception (a 500); and when
/// the JSON around the field is intact, the exception names that field.
/// </summary>
public class AgentProtocolStrictnessTests
{
    private static readonly (string Name, byte[] Body, Action<byte[]> Read)[] Bodies =
    [
        ("enroll", AgentProtocolWriter.Write(ProtocolSamples.Enroll()), b => AgentProtocolReader.ReadEnroll(b)),
        ("enroll answer", AgentProtocolWriter.Write(ProtocolSamples.EnrollAnswer()), b => AgentProtocolReader.ReadEnrollResponse(b)),
        ("heartbeat", AgentProtocolWriter.Write(ProtocolSamples.Heartbeat()), b => AgentProtocolReader.ReadHeartbeat(b)),
        ("posture", AgentProtocolWriter.Write(ProtocolSamples.Posture()), b => AgentProtocolReader.ReadPosture(b)),
        ("batch", EventWireWriter.SerializeBatch(ProtocolSamples.Batch()), b => EventWireReader.ReadBatch(b)),
    ];

    private static readonly Gen<(int Body, string Path)> Fields =
        Gen.Int[0, Bodies.Length - 1].SelectMany(b => Gen.OneOfConst([.. JsonLeaves.Paths(Bodies[b].Body)]).Select(p => (b, p)));

    /// <summary>Bytes inside a JSON string's quotes that keep the JSON well formed: anything but quote, backslash and control bytes.</summary>
    private static readonly Gen<byte[]> StringContent =
        Gen.Byte.Where(b => b >= 0x20 && b != (byte)'"' && b != (byte)'\\').Array[0, 12].Select(b => (byte[])[(byte)'"', .. b, (byte)'"']);

    private static readonly Gen<byte[]> Escapes = Gen.OneOfConst(@"""\ud800""", @"""\udfff""", @"""x\ud800y""", @"""\ud800\u0041""", @"""\udc00\ud800""")
        .Select(s => Encoding.ASCII.GetBytes(s));

    private static readonly Gen<byte[]> OtherTypes = Gen.OneOfConst("1", "-1", "0", "1.5", "1e400", "true", "false", "null", "{}", "[]", "[1]", "\"\"", "\"x\"")
        .Select(s => Encoding.ASCII.GetBytes(s));

    [Fact]
    public void Every_valid_sample_reads()
    {
        foreach (var (_, body, read) in Bodies)
            read(body);
    }

    [Fact]
    public void Arbitrary_text_bytes_in_any_field_are_read_or_refused_naming_that_field() =>
        Named(StringContent, 3000);

    [Fact]
    public void A_lone_surrogate_in_any_field_is_refused_naming_that_field()
    {
        foreach (var (index, (_, body, _)) in Bodies.Index())
        {
            foreach (var path in JsonLeaves.Paths(body))
            {
                if (IsString(body, path))
                    Refused(index, path, Encoding.ASCII.GetBytes(@"""ab\ud800"""));
            }
        }
    }

    [Fact]
    public void Escaped_surrogates_and_values_of_other_types_are_read_or_refused_naming_the_field() =>
        Named(Gen.OneOf(Escapes, OtherTypes), 3000);

    [Fact]
    public void Arbitrary_bytes_anywhere_give_a_format_exception_and_nothing_else() =>
        Fields.SelectMany(f => Gen.Byte.Array[0, 16].Select(raw => (f.Body, f.Path, Raw: raw))).Sample(c =>
        {
            var bytes = JsonLeaves.Replace(Bodies[c.Body].Body, c.Path, c.Raw);
            try
            {
                Bodies[c.Body].Read(bytes);
            }
            catch (WireFormatException)
            {
                // the 400 the collector answers
            }
        }, iter: 3000, print: c => $"{Bodies[c.Body].Name} {c.Path} = {Convert.ToHexString(c.Raw)}");

    [Fact]
    public void Invalid_utf8_in_a_string_field_names_that_field()
    {
        var posture = AgentProtocolWriter.Write(ProtocolSamples.Posture());
        var bytes = JsonLeaves.Replace(posture, "certificates[0].subject", [(byte)'"', 0x43, 0x4E, 0x3D, 0xC3, 0x28, (byte)'"']);
        var ex = Assert.Throws<WireFormatException>(() => AgentProtocolReader.ReadPosture(bytes));
        Assert.Equal("certificates[0].subject", ex.Field);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
        var batch = JsonLeaves.Replace(EventWireWriter.SerializeBatch(ProtocolSamples.Batch()), "events[0].computer", [(byte)'"', 0xFF, (byte)'"']);
        Assert.Equal("events[0].computer", Assert.Throws<WireFormatException>(() => EventWireReader.ReadBatch(batch)).Field);
    }

    private static void Named(Gen<byte[]> values, long iterations) =>
        Fields.SelectMany(f => values.Select(raw => (f.Body, f.Path, Raw: raw))).Sample(c =>
        {
            var bytes = JsonLeaves.Replace(Bodies[c.Body].Body, c.Path, c.Raw);
            try
            {
                Bodies[c.Body].Read(bytes);
                return true;
            }
            catch (WireFormatException ex)
            {
                return JsonLeaves.Names(ex.Field, c.Path);
            }
        }, iter: iterations, print: c => $"{Bodies[c.Body].Name} {c.Path} = {Encoding.Latin1.GetString(c.Raw)}");

    private static void Refused(int body, string path, byte[] raw)
    {
        var bytes = JsonLeaves.Replace(Bodies[body].Body, path, raw);
        var ex = Assert.Throws<WireFormatException>(() => Bodies[body].Read(bytes));
        Assert.True(JsonLeaves.Names(ex.Field, path), $"{Bodies[body].Name}: {path} was named '{ex.Field}' ({ex.Message})");
    }

    private static bool IsString(byte[] body, string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var e = document.RootElement;
        foreach (var part in System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value))
            e = part.StartsWith('[') ? e[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)] : e.GetProperty(part);
        return e.ValueKind == System.Text.Json.JsonValueKind.String;
    }
}
