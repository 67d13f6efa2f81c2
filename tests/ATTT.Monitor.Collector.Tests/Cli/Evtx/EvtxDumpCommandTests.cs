using System.Text.Json.Nodes;
using ATTT.Monitor.Collector.Cli;

namespace ATTT.Monitor.Collector.Tests.Cli.Evtx;

/// <summary><c>attt evtx dump</c> on real files from ../shared.</summary>
public sealed class EvtxDumpCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("attt-evtx-dump-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Json_writes_one_regression_shaped_object_per_record()
    {
        var file = Sample();
        var (code, output, error) = await Run("evtx", "dump", file);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var evt = JsonNode.Parse(line)!["Event"]!;
            Assert.NotNull(evt["System"]!["EventID"]);
            Assert.Equal("http://schemas.microsoft.com/win/2004/08/events/event", (string?)evt["#attributes"]!["xmlns"]);
        }
    }

    [Fact]
    public async Task Xml_writes_one_event_element_per_line()
    {
        var (code, output, _) = await Run("evtx", "dump", "--format", "xml", Sample());
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.StartsWith("<Event xmlns=", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.EndsWith("</Event>", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_evtx_is_bad_input_naming_the_file_after_dumping_the_others()
    {
        var notEvtx = Path.Combine(_temp, "notes.evtx");
        await File.WriteAllTextAsync(notEvtx, "this is not an event log", TestContext.Current.CancellationToken);
        var (code, output, error) = await Run("evtx", "dump", notEvtx, Sample());
        Assert.Equal(2, code);
        Assert.Contains("notes.evtx", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotEmpty(output);
    }

    [Fact]
    public async Task Recovered_records_are_dumped_only_on_request_and_marked()
    {
        var file = Sample(Path.Combine("Credential Access", "sysmon_13_keylogger_directx.evtx"));
        var (_, plain, _) = await Run("evtx", "dump", file);
        var (code, output, error) = await Run("evtx", "dump", "--recover-deleted", file);
        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var recovered = lines.Select(l => JsonNode.Parse(l)!).Where(n => n["Recovered"] is not null).ToList();
        Assert.NotEmpty(recovered);
        Assert.All(recovered, n => Assert.True((bool)n["Recovered"]!));
        Assert.All(recovered, n => Assert.NotNull(n["Event"]!["System"]));
        Assert.Equal(plain.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, lines.Length - recovered.Count);
        Assert.DoesNotContain("Recovered", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var (code, _, error) = await Run("evtx", "dump", Path.Combine(_temp, "missing.evtx"));
        Assert.Equal(2, code);
        Assert.Contains("missing.evtx", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_file_dumps_what_is_left_and_warns()
    {
        var bytes = await File.ReadAllBytesAsync(Sample(), TestContext.Current.CancellationToken);
        var cut = Path.Combine(_temp, "cut.evtx");
        await File.WriteAllBytesAsync(cut, bytes[..(4096 + 30_000)], TestContext.Current.CancellationToken);
        var (code, output, error) = await Run("evtx", "dump", cut);
        Assert.Equal(0, code);
        Assert.NotEmpty(output);
        Assert.Contains("warning:", error, StringComparison.Ordinal);
        Assert.Contains("cut.evtx", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Sample(string relative = "Other/maldoc_mshta_via_shellbrowserwind_rundll32.evtx",
        [System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        // From the binaries (CI builds in the tree) or from this source file (builds elsewhere).
        foreach (var start in new[] { AppContext.BaseDirectory, source })
        {
            for (var dir = new DirectoryInfo(start).Parent; dir is not null; dir = dir.Parent)
            {
                var file = Path.Combine(dir.FullName, "shared", "evtx", "attack-samples", relative);
                if (File.Exists(file))
                    return file;
            }
        }

        throw new InvalidOperationException("shared/evtx/attack-samples (../shared beside the repository) was not found.");
    }
}
