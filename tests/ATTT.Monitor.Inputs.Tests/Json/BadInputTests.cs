using System.Text;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Tests.Json;

/// <summary>
/// Event content is attacker-controlled and files get cut or damaged: a bad record costs that record
/// only (a warning naming the file and its line, counted), a bad string costs nothing (U+FFFD), and
/// a file in no known format is one clear error naming it.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Otrf1 = """{"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"PC-KETOAN-01","TimeCreated":"2026-11-27T03:14:59.123Z","EventID":4625,"TargetUserName":"admin","LogonType":"3"}""";
    private const string Otrf2 = """{"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security","Hostname":"PC-KETOAN-01","TimeCreated":"2026-11-27T03:15:00.000Z","EventID":4624,"TargetUserName":"admin","LogonType":"10"}""";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> BadLines => new()
    {
        { "{\"EventID\": 4625, broken", "not valid JSON" },
        { "{\"SourceName\":\"x\",\"Channel\":\"Security\",\"Hostname\":\"pc\"}", "has no EventID" },
        { "{\"SourceName\":\"x\",\"Channel\":\"Security\",\"Hostname\":\"pc\",\"EventID\":\"many\"}", "EventID \"many\"" },
        { "{\"SourceName\":\"x\",\"Channel\":\"Security\",\"Hostname\":\"pc\",\"EventID\":1,\"TimeCreated\":\"yesterday\"}", "TimeCreated \"yesterday\"" },
        { "\"just text\"", "not an OTRF" },
        { string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100), "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void A_bad_line_is_skipped_with_a_warning_naming_file_and_line_and_the_rest_is_read(string bad, string reason)
    {
        var file = _temp.Write("events.jsonl", $"{Otrf1}\n{bad}\n{Otrf2}\n");
        var warnings = new List<InputWarning>();

        var records = new EventFileReader(warnings.Add).Read(file).ToList();

        Assert.Equal([4625, 4624], records.Select(r => r.Event.EventId));
        Assert.Equal([1L, 3L], records.Select(r => r.Number));
        var warning = Assert.Single(warnings);
        Assert.Equal((InputWarningKind.BadRecord, file, 2L, 2L), (warning.Kind, warning.File, warning.Line, warning.Record));
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{file} line 2 (record 2): ", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_records_are_counted()
    {
        var file = _temp.Write("events.jsonl", $"{Otrf1}\n{{oops\n{{\"EventID\":1,\"Channel\":\"x\",\"TimeCreated\":\"never\"}}\n{Otrf2}\n");
        var reader = new EventFileReader();

        Assert.Equal(2, reader.Read(file).Count());
        Assert.Equal(2, reader.BadRecords);
        Assert.Equal(2, reader.Warnings);
    }

    public static TheoryData<string> EveryShape => new()
    {
        """{"Event":{"System":{"Provider":{"#attributes":{"Name":"P\ud800"}},"EventID":1,"Channel":"C\udfff","Computer":"pc"},"EventData":{"Cmd\ud800":"a\ud800b"}}}""",
        """{"SourceName":"P\ud800","Channel":"C\udfff","Hostname":"pc","EventID":1,"Cmd\ud800":"a\ud800b"}""",
        """{"EventTime":"2026-11-27 03:14:59","SourceModuleType":"im_msvistalog","SourceName":"P\ud800","Channel":"C\udfff","Hostname":"pc","EventID":1,"Cmd\ud800":"a\ud800b"}""",
        """{"@timestamp":"2026-11-27T03:14:59Z","winlog":{"provider_name":"P\ud800","channel":"C\udfff","computer_name":"pc","event_id":"1","event_data":{"Cmd\ud800":"a\ud800b"}}}""",
    };

    [Theory]
    [MemberData(nameof(EveryShape))]
    public void Lone_surrogates_become_the_replacement_character_in_every_shape(string line)
    {
        var read = Reading.Of(_temp.Write("surrogates.jsonl", line));

        Assert.Empty(read.Warnings);
        var e = Assert.Single(read.Events);
        Assert.Equal(("P\uFFFD", "C\uFFFD"), (e.Provider, e.Channel));
        var field = Assert.Single(e.Fields);
        Assert.Equal(("Cmd\uFFFD", "a\uFFFDb"), (field.Name, field.Value));
    }

    [Fact]
    public void Invalid_utf8_in_names_and_values_becomes_the_replacement_character()
    {
        byte[] line = [.. "{\"SourceName\":\"P"u8, 0xFF, .. "\",\"Channel\":\"Security\",\"Hostname\":\"pc"u8, 0xC3, .. "\",\"EventID\":1,\"A"u8, 0xE2, 0x82, .. "\":\"v"u8, 0xC0, 0xAF, .. "\"}"u8];
        var read = Reading.Of(_temp.Write("utf8.jsonl", line));

        var e = Assert.Single(read.Events);
        Assert.Equal(("P\uFFFD", "pc\uFFFD"), (e.Provider, e.Computer));
        var field = Assert.Single(e.Fields);
        Assert.Equal("A\uFFFD", field.Name);
        Assert.DoesNotContain(field.Value!, c => c is '\xC0' or '\xAF');
        Assert.StartsWith("v\uFFFD", field.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_pretty_printed_record_costs_one_warning_and_the_next_record_is_read()
    {
        var good = Pretty(Otrf1);
        var broken = Pretty(Otrf2).Replace("\"LogonType\": \"10\"", "\"LogonType\": 10 10", StringComparison.Ordinal);
        var file = _temp.Write("pretty.json", $"{good}\n{broken}\n{good}\n");

        var read = Reading.Of(file);

        Assert.Equal([4625, 4625], read.Events.Select(e => e.EventId));
        var warning = Assert.Single(read.Warnings);
        Assert.Equal(good.Split('\n').Length + 1, warning.Line);
    }

    [Fact]
    public void A_broken_item_in_an_array_costs_that_item()
    {
        var file = _temp.Write("array.json", $"[\n{Otrf1},\n{Otrf2.Replace(":4624,", ":4624,,", StringComparison.Ordinal)},\n{Otrf2}\n]");

        var read = Reading.Of(file);

        Assert.Equal([4625, 4624], read.Events.Select(e => e.EventId));
        Assert.Equal(3, Assert.Single(read.Warnings).Line);
    }

    [Fact]
    public void A_record_larger_than_the_limit_is_skipped_without_being_held_in_memory()
    {
        var huge = Otrf1.Replace("\"admin\"", "\"" + new string('A', 300_000) + "\"", StringComparison.Ordinal);
        var file = _temp.Write("huge.jsonl", $"{Otrf1}\n{huge}\n{Otrf2}\n");

        var read = Reading.Of(file, maxRecordBytes: 100_000);

        Assert.Equal([4625, 4624], read.Events.Select(e => e.EventId));
        Assert.Contains("larger than 100,000 bytes", Assert.Single(read.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_inside_a_record_or_an_array_says_so()
    {
        var cutRecord = Reading.Of(_temp.Write("cut.jsonl", $"{Otrf1}\n{Otrf2[..40]}"));
        var cutArray = Reading.Of(_temp.Write("cut-array.json", $"[{Otrf1},\n{Otrf2}"));

        Assert.Equal([4625], cutRecord.Events.Select(e => e.EventId));
        Assert.Contains("ends inside a JSON value", Assert.Single(cutRecord.Warnings).Message, StringComparison.Ordinal);
        Assert.Equal([4625, 4624], cutArray.Events.Select(e => e.EventId));
        Assert.Contains("ends inside a JSON array", Assert.Single(cutArray.Warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.json", "These are my notes, not events.", "not an event file")]
    [InlineData("config.json", "{\"name\":\"attt\",\"version\":1}\n", "line 1 is JSON but not an event")]
    [InlineData("fake.evtx", "ElfFile is not enough", "not an event file")]
    public void A_file_in_no_known_format_is_an_error_naming_it(string name, string content, string reason)
    {
        var file = _temp.Write(name, content);

        var ex = Assert.Throws<InputFormatException>(() => new EventFileReader().Read(file).ToList());

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message.Replace("the record at line", "line", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_text_is_named_as_such()
    {
        var file = _temp.Write("powershell.json", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Otrf1)).ToArray());

        var ex = Assert.Throws<InputFormatException>(() => new EventFileReader().Read(file).ToList());

        Assert.Contains("UTF-16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_has_no_events_and_nothing_to_say()
    {
        var read = Reading.Of(_temp.Write("empty.jsonl", ""));
        var blank = Reading.Of(_temp.Write("blank.jsonl", "\n\n  \n"));

        Assert.Empty(read.Records);
        Assert.Empty(read.Warnings);
        Assert.Empty(blank.Records);
        Assert.Empty(blank.Warnings);
    }

    private static string Pretty(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .ReplaceLineEndings("\n");
}
