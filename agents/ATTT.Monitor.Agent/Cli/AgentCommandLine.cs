using System.Reflection;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// The <c>attt-agent</c> command line of ../shared/CONTRACT.md: usage errors and bad input exit 2,
/// other failures exit 1 with one sentence on stderr (stack traces only with <c>--verbose</c>).
/// </summary>
public static class AgentCommandLine
{
    internal static IReadOnlyList<AgentCommand> Commands() =>
        [RunCommand.Create(), ServiceCommands.CreateInstall(), ServiceCommands.CreateUninstall(), StatusCommand.Create(), QueryCommand.Create()];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var commands = Commands();
        var parse = new CommandLineParser(commands).Parse(args, stdout, stderr);
        if (parse.Version)
        {
            await stdout.WriteLineAsync(typeof(AgentCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).ConfigureAwait(false);
            return AgentExitCodes.Success;
        }

        if (parse.Help)
        {
            if (parse.Command is null)
                HelpWriter.WriteProgram(stdout, commands);
            else
                HelpWriter.WriteCommand(stdout, parse.Command);
            return AgentExitCodes.Success;
        }

        if (parse.Errors.Count > 0 || parse.Command is null)
        {
            foreach (var error in parse.Errors)
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
            await stderr.WriteLineAsync($"Run 'attt-agent {(parse.Command is null ? "" : parse.Command.Name + " ")}--help' for usage.").ConfigureAwait(false);
            return AgentExitCodes.BadInput;
        }

        using var signals = new TerminationSignals();
        try
        {
            return await signals.WaitAsync(parse.Command.Run(parse.Values, signals.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (signals.SignalExitCode is { } code)
        {
            return code;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync(parse.Values.Verbose ? ex.ToString() : ex.Message.ReplaceLineEndings(" ").Trim()).ConfigureAwait(false);
            return ex is AgentUsageException ? AgentExitCodes.BadInput : AgentExitCodes.RuntimeFailure;
        }
    }
}
