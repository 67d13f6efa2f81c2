using System.CommandLine;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// The <c>attt-agent</c> command line of ../shared/CONTRACT.md: usage errors and bad input exit 2,
/// other failures exit 1 with one sentence on stderr (stack traces only with <c>--verbose</c>).
/// </summary>
public static class AgentCommandLine
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces and extra detail on errors.",
        Recursive = true,
    };

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ATTT Monitor agent (tác tử): forwards Windows event logs and antivirus status to the collector.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServiceCommands.CreateInstall());
        root.Subcommands.Add(ServiceCommands.CreateUninstall());
        root.Subcommands.Add(StatusCommand.Create(stdout));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = Build(stdout, stderr).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync("Run 'attt-agent --help' for usage.").ConfigureAwait(false);
            return AgentExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var verbose = parse.GetValue(Verbose);
            await stderr.WriteLineAsync(verbose ? ex.ToString() : ex.Message.ReplaceLineEndings(" ").Trim()).ConfigureAwait(false);
            return ex is AgentUsageException ? AgentExitCodes.BadInput : AgentExitCodes.RuntimeFailure;
        }
    }
}
