using System.CommandLine;
using ATTT.Monitor.Agent.Service;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent install</c> / <c>uninstall</c>: the Windows service.</summary>
public static class ServiceCommands
{
    private const string DefaultName = "ATTTAgent";

    private static string WindowsOnly(string verb) =>
        $"attt-agent {verb} works on Windows only: it registers the agent with the Windows service control manager.";

    public static Command CreateInstall()
    {
        var config = new Option<FileInfo>("--config") { Description = "The YAML configuration the service runs with.", Required = true };
        var name = new Option<string>("--service-name") { Description = "Service name.", DefaultValueFactory = _ => DefaultName };
        var command = new Command("install", "Register the agent as a Windows service (Windows only).") { config, name };
        command.SetAction((parse, _) =>
        {
            if (!OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException(WindowsOnly("install"));
            ServiceInstaller.Install(parse.GetValue(name)!, parse.GetValue(config)!.FullName, parse.InvocationConfiguration.Output);
            return Task.FromResult(AgentExitCodes.Success);
        });
        return command;
    }

    public static Command CreateUninstall()
    {
        var name = new Option<string>("--service-name") { Description = "Service name.", DefaultValueFactory = _ => DefaultName };
        var command = new Command("uninstall", "Remove the agent's Windows service (Windows only).") { name };
        command.SetAction((parse, _) =>
        {
            if (!OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException(WindowsOnly("uninstall"));
            ServiceInstaller.Uninstall(parse.GetValue(name)!, parse.InvocationConfiguration.Output);
            return Task.FromResult(AgentExitCodes.Success);
        });
        return command;
    }
}
