using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Cli;

/// <summary>The command line of ../shared/CONTRACT.md: commands present, exit codes kept.</summary>
public class CommandLineContractTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Help_lists_every_contract_command()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "serve", "evtx", "scan", "rules", "agents", "stats", "incidents", "playbooks", "drills" })
            Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evtx", "dump")]
    [InlineData("rules", "check")]
    [InlineData("agents", "enroll-code")]
    [InlineData("incidents", "list")]
    [InlineData("playbooks", "check")]
    [InlineData("drills", "list")]
    [InlineData("drills", "run")]
    public async Task Subcommands_exist(string group, string sub)
    {
        var (code, output, _) = await Run(group, "--help");
        Assert.Equal(0, code);
        Assert.Contains(sub, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "--no-such-option")]
    [InlineData("scan")]
    [InlineData("no-such-command")]
    [InlineData("evtx", "dump", "x.evtx", "--format", "yaml")]
    [InlineData("stats")]
    public async Task Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Serve_with_an_invalid_setting_exits_2_naming_the_key()
    {
        using var folder = new TempFolder();
        var config = Path.Combine(folder.Path, "attt.json");
        await File.WriteAllTextAsync(config, """{ "Notifications": { "Sender": { "GiveUpAfter": "00:00:00" } } }""", TestContext.Current.CancellationToken);

        var (code, _, error) = await Run("serve", "--data", Path.Combine(folder.Path, "data"), "--urls", "http://127.0.0.1:0", "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("Notifications:Sender:GiveUpAfter must be positive", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_is_printed()
    {
        var (code, output, _) = await Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }
}
