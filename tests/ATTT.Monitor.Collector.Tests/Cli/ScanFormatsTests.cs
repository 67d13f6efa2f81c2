using System.IO.Compression;
using System.Text.Json;
using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Cli;

/// <summary>
/// <c>attt scan</c> reads each input in whatever format its content is: an OTRF campaign zip from
/// ../shared with the SigmaHQ rule that fires on it, JSON in a file of any name, a bad line costing
/// only that line (and making the scan bad input), a lone surrogate read as U+FFFD.
/// </summary>
public sealed class ScanFormatsTests : IDisposable
{
    private const string Entry = "metasploit_procdump_lsass_memory_dump.json";

    private const string AnyEventRule = """
        title: any event
        id: 44444444-4444-4444-4444-444444444444
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

    private static string Otrf => Path.Combine(SharedRoot, "datasets", "otrf", "LSASS_campaign_02.zip");

    [Fact]
    public async Task An_otrf_zip_is_scanned_to_its_end_and_the_lsass_access_rule_fires_on_the_procdump_events()
    {
        // SigmaHQ's rule on Sysmon 10 (TargetImage, SourceImage, GrantedAccess): read from the zip's
        // flattened lines, the same fields must reach the rule under their Windows names. The three
        // matches are the campaign's three procdump accesses to lsass.exe (procdump.exe once,
        // procdump64.exe twice, all with GrantedAccess 0x1fffff).
        var rule = Path.Combine(SharedRoot, "sigma", "rules", "windows", "process_access", "proc_access_win_lsass_dump_keyword_image.yml");

        var (code, output, error) = await Run("scan", "--rules", rule, "--input", Otrf);

        Assert.Equal(0, code);
        var detections = Detections(output);
        Assert.Equal(["2023-08-15T05:37:47.835000Z", "2023-08-15T05:37:48.962000Z", "2023-08-15T05:37:49.162000Z"],
            detections.Select(d => d.GetProperty("timestamp").GetString()));
        Assert.All(detections, d =>
        {
            Assert.Equal("9bd012ee-0dff-44d7-84a0-aa698cfd87a3", d.GetProperty("rule_id").GetString());
            Assert.Equal($"{Otrf}/{Entry}", d.GetProperty("input").GetString());
            Assert.Equal("ACCT01.pandalab.com", d.GetProperty("computer").GetString());
            Assert.Equal("Microsoft-Windows-Sysmon/Operational", d.GetProperty("channel").GetString());
            Assert.Equal(10, d.GetProperty("event_id").GetInt32());
        });
        Assert.Equal($"scanned {OtrfLines().Count} events in 1 files: 3 detections, 1 rules loaded, 0 rules skipped", LastLine(error));
    }

    [Fact]
    public async Task Json_in_a_file_of_any_name_is_read_and_a_lone_surrogate_becomes_the_replacement_character()
    {
        var lines = OtrfLines().Take(3).ToList();
        lines[1] = lines[1].Replace("\"Hostname\":", "\"Note\":\"\\ud800\",\"Hostname\":", StringComparison.Ordinal);
        var export = Write("export.txt", string.Join('\n', lines));

        var replaced = Write("rules/replaced.yml", AnyEventRule
            .Replace("44444444-4444-4444-4444-444444444444", "55555555-5555-5555-5555-555555555555", StringComparison.Ordinal)
            .Replace("EventID|gte: 0", "Note: \"\\uFFFD\"", StringComparison.Ordinal));

        var (code, output, error) = await Run("scan", "--rules", Write("rules/any.yml", AnyEventRule), "--rules", replaced, "--input", export);

        Assert.Equal(0, code);
        var detections = Detections(output);
        Assert.Equal(3, detections.Count(d => d.GetProperty("rule_id").GetString() == "44444444-4444-4444-4444-444444444444"));
        Assert.Equal(1, detections.Count(d => d.GetProperty("rule_id").GetString() == "55555555-5555-5555-5555-555555555555"));
        Assert.Equal("scanned 3 events in 1 files: 4 detections, 2 rules loaded, 0 rules skipped", LastLine(error));
    }

    [Fact]
    public async Task A_bad_line_is_named_and_skipped_the_rest_scanned_and_the_scan_is_bad_input()
    {
        var lines = OtrfLines().Take(3).ToList();
        lines.Insert(1, "{\"Hostname\": not json");
        var file = Write("events/campaign.jsonl", string.Join('\n', lines));

        var (code, output, error) = await Run("scan", "--rules", Write("rules/any.yml", AnyEventRule), "--input", Path.Combine(_temp.Path, "events"));

        Assert.Equal(2, code);
        Assert.Equal(3, Detections(output).Count);
        var named = Assert.Single(error.Split('\n'), l => l.Contains("line 2", StringComparison.Ordinal));
        Assert.Contains(file, named, StringComparison.Ordinal);
        Assert.Equal("scanned 3 events in 1 files: 3 detections, 1 rules loaded, 0 rules skipped", LastLine(error));
    }

    private static List<string> OtrfLines()
    {
        using var archive = ZipFile.OpenRead(Otrf);
        using var reader = new StreamReader(Assert.Single(archive.Entries).Open());
        var lines = new List<string>();
        while (reader.ReadLine() is { Length: > 0 } line)
            lines.Add(line);
        return lines;
    }

    private static string SharedRoot => RepositoryPaths.Shared ?? throw new InvalidOperationException("../shared was not found beside the repository.");

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<JsonElement> Detections(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string LastLine(string error) => error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('\r');

    private string Write(string relative, string content)
    {
        var file = Path.Combine(_temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }
}
