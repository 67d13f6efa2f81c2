using System.CommandLine;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent install</c> / <c>uninstall</c>: the Windows service.</summary>
public static class ServiceCommands
{
    public static Command CreateInstall()
    {
        var command = new Command("install", "Register the agent as a Windows service (Windows only).");
        command.SetAction((_, _) => throw new AgentNotBuiltYetException("attt-agent install"));
        return command;
    }

    public static Command CreateUninstall()
    {
        var command = new Command("uninstall", "Remove the agent's Windows service (Windows only).");
        command.SetAction((_, _) => throw new AgentNotBuiltYetException("attt-agent uninstall"));
        return command;
    }
}
