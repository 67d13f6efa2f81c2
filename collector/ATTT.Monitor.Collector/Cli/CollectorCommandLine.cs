using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// Builds the <c>attt</c> command line of ../shared/CONTRACT.md and runs it: usage errors exit 2,
/// bad input exits 2, other failures exit 1 with one sentence on stderr (a stack trace only with
/// <c>--verbose</c>).
/// </summary>
internal static class CollectorCommandLine
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces and extra detail on errors.",
        Recursive = true,
    };

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "ATTT Monitor collector: giám sát an toàn thông tin cho xã/phường. " +
            "Security monitoring and incident response for Vietnamese local government.");
        root.Options.Add(Verbose);
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(EvtxCommands.Create(context));
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(RulesCommands.Create(context));
        root.Subcommands.Add(AgentsCommands.Create(context));
        root.Subcommands.Add(StatsCommand.Create(context));
        root.Subcommands.Add(EventsCommands.Create(context));
        root.Subcommands.Add(IncidentsCommands.Create(context));
        root.Subcommands.Add(PlaybooksCommands.Create(context));
        root.Subcommands.Add(DrillsCommands.Create(context));
        root.Subcommands.Add(Demo.DemoCommands.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        var context = new CliContext(stdout, stderr, time ?? TimeProvider.System);
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync("Run 'attt --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
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
            return await ReportAsync(ex, parse.GetValue(Verbose), stderr).ConfigureAwait(false);
        }
    }

    private static async Task<int> ReportAsync(Exception ex, bool verbose, TextWriter stderr)
    {
        // A configuration value that fails validation is bad input from the operator, like a bad option.
        var code = ex is BadInputException or Microsoft.Extensions.Options.OptionsValidationException ? ExitCodes.BadInput : ExitCodes.RuntimeFailure;
        await stderr.WriteLineAsync(verbose ? ex.ToString() : OneSentence(ex)).ConfigureAwait(false);
        return code;
    }

    private static string OneSentence(Exception ex) =>
        ex.Message.ReplaceLineEndings(" ").Trim();
}
