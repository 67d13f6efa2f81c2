using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

public sealed class PlaybooksCheckCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Code, string[] Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), stderr.ToString());
    }

    [Fact]
    public async Task Shipped_playbooks_pass()
    {
        var (code, output, _) = await RunAsync("playbooks", "check", RepositoryPaths.Playbooks);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Matches(@"^playbooks: \d+ loaded, 0 invalid$", output[^1]);
    }

    [Fact]
    public async Task An_invalid_file_gets_one_error_line_naming_file_line_and_field_and_exit_2()
    {
        var bad = _folder.Write("hong.yml", PlaybookYaml.With("role: lanh-dao-xa", "role: chu-tich").Replace("deadline: 8h", "deadline: x", StringComparison.Ordinal));
        _folder.Write("tot.yml", PlaybookYaml.Valid);

        var (code, output, err) = await RunAsync("playbooks", "check", _folder.Path);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(2, output.Length);
        Assert.StartsWith($"ERROR {bad}:{PlaybookYaml.LineOf(PlaybookYaml.Valid, "role: lanh-dao-xa")}: steps[1].role: ", output[0], StringComparison.Ordinal);
        Assert.Equal("playbooks: 1 loaded, 1 invalid", output[1]);
        Assert.Contains("steps[1].deadline", err, StringComparison.Ordinal);
    }
}
