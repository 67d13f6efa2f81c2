using ATTT.Monitor.Agent.Cli;
using ATTT.Monitor.Agent.Tests.Support;

namespace ATTT.Monitor.Agent.Tests.Cli;

/// <summary>The attt-agent command line of ../shared/CONTRACT.md.</summary>
public class CommandLineContractTests
{
    [Fact]
    public async Task Help_lists_every_contract_command()
    {
        var (code, output, _) = await AgentCli.RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "run", "install", "uninstall", "status", "query" })
            Assert.Contains(command, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--collector", "http://127.0.0.1:1", "--state", "s")]
    [InlineData("run", "--collector", "http://127.0.0.1:1", "--state", "s", "--enroll-code", "A", "--token-file", "t")]
    [InlineData("run", "--state", "s", "--enroll-code", "A")]
    [InlineData("status")]
    [InlineData("no-such-command")]
    public async Task Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (code, _, error) = await AgentCli.RunAsync(args);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
