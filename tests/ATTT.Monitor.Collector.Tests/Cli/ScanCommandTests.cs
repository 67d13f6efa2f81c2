using System.Text.Json;
using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Cli;

/// <summary>
/// <c>attt scan</c> on bad input (../shared/CONTRACT.md: exit 2 with one sentence naming the
/// file or line at fault; what could be read is still scanned) and its table output.
/// </summary>
public sealed class ScanCommandTests : IDisposable
{
    private const string Sample1 = "Other/maldoc_mshta_via_shellbrowserwind_rundll32.evtx";
    private const string Sample2 = "Execution/Sysmon_Exec_CompiledHTML.evtx";

    // Every event of any Windows channel matches, so detections = events; the title holds
    // Vietnamese text and a control character that the table must not pass through.
    private const string AnyEventRule = """
        title: "Sự kiện bất kỳ\u0007 (any event)"
        id: 33333333-3333-3333-3333-333333333333
        level: low
        logsource:
            product: windows
        detection:
            selection:
                EventID|gte: 0
            condition: selection
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Rules => Write("rules/any.yml", AnyEventRule);

    [Fact]
    public async Task A_missing_input_path_is_bad_input_naming_it()
    {
        var missing = Path.Combine(_temp.Path, "no-such-folder");
        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", missing);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("no-such-folder", OnlyLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_neither_evtx_nor_jsonl_is_bad_input_naming_it()
    {
        var notes = Write("notes.txt", "not events");
        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", notes);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("notes.txt", OnlyLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_named_evtx_that_is_not_an_event_log_is_bad_input_naming_it()
    {
        var fake = Write("fake.evtx", "this is not an event log");
        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", fake);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(error.Split('\n'), l => l.Contains("fake.evtx", StringComparison.Ordinal));
        Assert.StartsWith("scanned 0 events in 1 files", LastLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_with_one_corrupt_file_scans_the_good_ones_and_names_the_bad_one()
    {
        var folder = Path.Combine(_temp.Path, "inputs");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.Copy(Shared(Sample1), Path.Combine(folder, "a-good.evtx"));
        File.Copy(Shared(Sample2), Path.Combine(folder, "sub", "c-good.evtx"));
        // A real log cut short inside its first chunk, and one that is not a log at all.
        var bytes = await File.ReadAllBytesAsync(Shared(Sample1), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, "b-corrupt.evtx"), bytes[..(4096 + 1000)], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "d-garbage.evtx"), new string('x', 70_000), TestContext.Current.CancellationToken);

        var (goodCode, goodOutput, _) = await Run("scan", "--rules", Rules, "--input", Shared(Sample1), "--input", Shared(Sample2));
        Assert.Equal(0, goodCode);
        var expected = Detections(goodOutput).Count(d => d.GetProperty("input").GetString()!.EndsWith(".evtx", StringComparison.Ordinal));
        Assert.True(expected > 0);

        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", folder);
        var detections = Detections(output);
        Assert.Equal(2, code);
        Assert.Contains(error.Split('\n'), l => l.Contains("d-garbage.evtx", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Split('\n'), l => l.Contains("good.evtx", StringComparison.Ordinal));
        // Everything in the good files was scanned, whatever the corrupt file held.
        Assert.Equal(expected, detections.Count(d => d.GetProperty("input").GetString()!.EndsWith("good.evtx", StringComparison.Ordinal)));
        Assert.Matches(@"^scanned \d+ events in 4 files: \d+ detections", LastLine(error));
    }

    [Fact]
    public async Task A_missing_mapping_file_is_bad_input_naming_it()
    {
        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", Shared(Sample1), "--mapping", Path.Combine(_temp.Path, "nomap.yml"));
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("nomap.yml", OnlyLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_file_with_invalid_yaml_is_bad_input_naming_the_line()
    {
        var mapping = Write("bad-mapping.yml", "sources:\n  - { product: windows, service: sysmon, channel: \"x\" }\n  - { product: [windows\n");
        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", Shared(Sample1), "--mapping", mapping);
        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = OnlyLine(error);
        Assert.Contains("bad-mapping.yml", line, StringComparison.Ordinal);
        Assert.Matches(@"line [34]\b", line);
    }

    [Fact]
    public async Task A_mapping_file_with_a_bad_source_is_bad_input_naming_the_line()
    {
        var mapping = Write("bad-source.yml", "sources:\n  - { product: windows, service: sysmon, channel: \"x\" }\n  - { product: windows, category: process_creation, channel: Security, event_ids: [forty] }\n");
        var (code, _, error) = await Run("scan", "--rules", Rules, "--input", Shared(Sample1), "--mapping", mapping);
        Assert.Equal(2, code);
        var line = OnlyLine(error);
        Assert.Contains("bad-source.yml", line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
        Assert.Contains("forty", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_format_prints_a_header_and_one_clean_row_per_detection()
    {
        var (jsonCode, jsonOutput, _) = await Run("scan", "--rules", Rules, "--input", Shared(Sample1));
        var (code, output, error) = await Run("scan", "--rules", Rules, "--input", Shared(Sample1), "--format", "table");
        Assert.Equal(0, jsonCode);
        Assert.Equal(0, code);
        var json = Detections(jsonOutput);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(@"^timestamp\s+level\s+computer\s+channel/event\s+rule$", lines[0]);
        Assert.Equal(json.Count, lines.Count - 1);
        for (var i = 0; i < json.Count; i++)
        {
            var row = lines[i + 1];
            Assert.StartsWith(json[i].GetProperty("timestamp").GetString()!, row, StringComparison.Ordinal);
            Assert.Contains($"{json[i].GetProperty("channel").GetString()}/{json[i].GetProperty("event_id").GetInt32()}", row, StringComparison.Ordinal);
            Assert.EndsWith("Sự kiện bất kỳ  (any event)", row, StringComparison.Ordinal);
            Assert.DoesNotContain(row, char.IsControl);
        }

        Assert.Matches($@"^scanned \d+ events in 1 files: {json.Count} detections", LastLine(error));
    }

    [Fact]
    public async Task Table_format_with_no_detection_prints_nothing_on_stdout()
    {
        var none = Write("rules/none.yml", AnyEventRule.Replace("EventID|gte: 0", "EventID: -1", StringComparison.Ordinal));
        var (code, output, error) = await Run("scan", "--rules", none, "--input", Shared(Sample1), "--format", "table");
        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Matches(@"^scanned \d+ events in 1 files: 0 detections", LastLine(error));
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<JsonElement> Detections(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string OnlyLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');

    private static string LastLine(string error) => error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('\r');

    private string Write(string relative, string content)
    {
        var file = Path.Combine(_temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    private static string Shared(string relative) =>
        Path.Combine(RepositoryPaths.Shared ?? throw new InvalidOperationException("../shared was not found beside the repository."), "evtx", "attack-samples", relative);
}
