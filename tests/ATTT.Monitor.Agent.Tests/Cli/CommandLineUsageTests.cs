using ATTT.Monitor.Agent.Cli;
using ATTT.Monitor.Agent.Tests.Support;

namespace ATTT.Monitor.Agent.Tests.Cli;

/// <summary>The agent's own command-line parser: help per command, errors that name the bad option, exit codes.</summary>
public class CommandLineUsageTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AgentCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("run", new[] { "--collector", "--enroll-code", "--token-file", "--state", "--source", "--exit-when-drained", "--config", "--replay-rate", "--log-level" })]
    [InlineData("install", new[] { "--config", "--service-name" })]
    [InlineData("uninstall", new[] { "--service-name" })]
    [InlineData("status", new[] { "--state" })]
    public async Task Each_command_has_help_naming_its_options_Vietnamese_first(string command, string[] options)
    {
        foreach (var help in new[] { "--help", "-h", "-?" })
        {
            var (code, output, error) = await Run(command, help);
            Assert.Equal(0, code);
            Assert.Equal("", error);
            Assert.StartsWith($"attt-agent {command}: ", output, StringComparison.Ordinal);
            Assert.Contains("Cách dùng / Usage:", output, StringComparison.Ordinal);
            foreach (var option in options)
                Assert.Contains("  " + option + " ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--bogus", "run", "--bogus", "x")]
    [InlineData("--collector", "run", "--state", "s", "--enroll-code", "A", "--collector")]
    [InlineData("--state", "status", "--state", "a", "--state", "b")]
    [InlineData("--exit-when-drained", "run", "--collector", "http://127.0.0.1:1", "--state", "s", "--enroll-code", "A", "--exit-when-drained=maybe")]
    [InlineData("--log-level", "run", "--collector", "http://127.0.0.1:1", "--state", "s", "--enroll-code", "A", "--log-level", "loud")]
    [InlineData("--replay-rate", "run", "--collector", "http://127.0.0.1:1", "--state", "s", "--enroll-code", "A", "--replay-rate", "fast")]
    [InlineData("--collector", "run", "--collector", "not a url", "--state", "s", "--enroll-code", "A")]
    [InlineData("stats", "stats")]
    public async Task A_bad_option_or_value_exits_2_naming_it(string named, params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_takes_the_option_value_after_an_equals_sign()
    {
        using var state = new TempDirectory();
        var (code, output, error) = await Run("status", "--state=" + state.Path);
        Assert.True(code == 0, error);
        Assert.Contains("hàng đợi / spool depth: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_state_folder_is_a_usage_error_naming_it()
    {
        using var state = new TempDirectory();
        var missing = state.Combine("missing");
        var (code, _, error) = await Run("status", "--state", missing);
        Assert.Equal(2, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_and_uninstall_say_they_are_for_Windows_elsewhere()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "This checks the error on other systems.");
        using var state = new TempDirectory();
        var config = state.Combine("agent.yaml");
        await File.WriteAllTextAsync(config, "state: x\n", TestContext.Current.CancellationToken);
        foreach (var args in new[] { new[] { "install", "--config", config }, ["uninstall"] })
        {
            var (code, _, error) = await Run(args);
            Assert.Equal(1, code);
            Assert.Contains("Windows only", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_prints_the_agent_version()
    {
        var (code, output, _) = await Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }

    [Fact]
    public void Defaults_are_filled_in_and_flags_read_as_given()
    {
        var parser = new CommandLineParser(AgentCommandLine.Commands());
        var parse = parser.Parse(["run", "--collector=http://127.0.0.1:1", "--state", "s", "--token-file", "t", "--exit-when-drained=false", "--verbose"],
            TextWriter.Null, TextWriter.Null);
        Assert.Empty(parse.Errors);
        Assert.Equal("run", parse.Command!.Name);
        Assert.Equal("http://127.0.0.1:1", parse.Values.Text("--collector"));
        Assert.Equal("Information", parse.Values.Text("--log-level"));
        Assert.False(parse.Values.Flag("--exit-when-drained"));
        Assert.True(parse.Values.Verbose);
        Assert.Null(parse.Values.Text("--source"));
    }
}
