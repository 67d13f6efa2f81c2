using System.CommandLine;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent status</c>: spool depth, last acknowledged sequence, last error.</summary>
public static class StatusCommand
{
    public static Command Create(TextWriter stdout)
    {
        var state = new Option<DirectoryInfo>("--state") { Description = "The agent's state folder.", Required = true };
        var command = new Command("status", "Show spool depth, last acknowledged sequence and last error.") { state };
        command.SetAction((_, _) => throw new AgentNotBuiltYetException("attt-agent status"));
        return command;
    }
}
