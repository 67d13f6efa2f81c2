using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Drills;

public sealed class DrillsCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestClock _clock = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr, _clock);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<DrillRunStore> DataFolderAsync()
    {
        var database = new EmbeddedDatabase(Path.Combine(_folder.Path, "attt.db"), DrillsSchema.Migrations());
        await database.InitializeAsync(TestContext.Current.CancellationToken);
        return new DrillRunStore(database, _clock); // the same clock as the command under test
    }

    [Fact]
    public async Task List_shows_each_playbook_with_its_next_drill_and_missed_ones_on_stderr()
    {
        var runs = await DataFolderAsync();
        var missedAt = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        await runs.RecordMissedAsync("ma-doc-may-tram", "xa-sang-moc", missedAt, "bộ thu không chạy", TestContext.Current.CancellationToken);

        var (code, output, error) = await RunAsync("drills", "list", "--data", _folder.Path, "--playbooks", RepositoryPaths.Playbooks);

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1 + 10, lines.Length);   // header + one line per shipped playbook
        var malware = Assert.Single(lines, l => l.StartsWith("ma-doc-may-tram\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("0 0 9 ? 3 TUE#2", malware[2]);
        Assert.EndsWith(" 09:00:00", malware[1], StringComparison.Ordinal);
        Assert.Equal(["2026-03-10 09:00:00", DrillRunStatus.Missed], malware[3..]);
        Assert.Contains("MISSED ma-doc-may-tram 2026-03-10 09:00:00", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_a_running_collector_says_so_and_withdraws_the_request()
    {
        var runs = await DataFolderAsync();

        var (code, _, error) = await RunAsync("drills", "run", "ma-doc-may-tram", "--data", _folder.Path, "--wait", "1");

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("attt serve", error, StringComparison.Ordinal);
        var run = Assert.Single(await runs.ListAsync(null, "ma-doc-may-tram", TestContext.Current.CancellationToken));
        Assert.Equal(DrillRunStatus.Failed, run.Status);
        Assert.Empty(await runs.ClaimRequestedAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_data_folder_without_a_database_is_bad_input()
    {
        var (code, _, error) = await RunAsync("drills", "list", "--data", Path.Combine(_folder.Path, "khong-co"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("attt.db", error, StringComparison.Ordinal);
    }
}
