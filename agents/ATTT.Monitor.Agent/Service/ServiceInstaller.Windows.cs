using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Win32;

namespace ATTT.Monitor.Agent.Service;

/// <summary>
/// Registers and removes the Windows service with sc.exe (the service control manager's own tool):
/// start automatically (delayed), restart after a crash, run <c>attt-agent run --config FILE</c>.
/// The service's environment gets <see cref="ServiceEnvironment.Variables"/> (the Environment value of its registry key).
/// </summary>
[SupportedOSPlatform("windows")]
internal static class ServiceInstaller
{
    public static void Install(string serviceName, string configPath, TextWriter output)
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("The agent's own path is unknown.");
        var config = Path.GetFullPath(configPath);
        if (!File.Exists(config))
            throw new FileNotFoundException($"The configuration file {config} does not exist.", config);
        var binPath = $"\"{exe}\" run --config \"{config}\"";
        Sc(output, "create", serviceName, "binPath=", binPath, "start=", "delayed-auto", "DisplayName=", "ATTT Monitor Agent");
        Sc(output, "description", serviceName, "Tác tử ATTT Monitor: gửi nhật ký sự kiện và trạng thái diệt virus về máy chủ thu thập / ATTT Monitor agent.");
        Sc(output, "failure", serviceName, "reset=", "86400", "actions=", "restart/60000/restart/60000/restart/300000");
        using (var key = Registry.LocalMachine.OpenSubKey($@"SYSTEM\CurrentControlSet\Services\{serviceName}", writable: true)
            ?? throw new InvalidOperationException($"The service {serviceName} was created but its registry key is missing."))
            key.SetValue("Environment", ServiceEnvironment.Variables.Select(v => $"{v.Name}={v.Value}").ToArray(), RegistryValueKind.MultiString);
        Sc(output, "start", serviceName);
    }

    public static void Uninstall(string serviceName, TextWriter output)
    {
        Sc(output, "stop", serviceName, allowFailure: true);
        Sc(output, "delete", serviceName);
    }

    private static void Sc(TextWriter output, params string[] args) => Sc(output, false, args);

    private static void Sc(TextWriter output, string verb, string name, bool allowFailure) => Sc(output, allowFailure, [verb, name]);

    private static void Sc(TextWriter output, bool allowFailure, string[] args)
    {
        var start = new ProcessStartInfo("sc.exe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sc.exe could not be started.");
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        output.WriteLine(text.Trim());
        if (process.ExitCode != 0 && !allowFailure)
            throw new InvalidOperationException($"sc.exe {args[0]} failed (exit {process.ExitCode}): {text.Trim()}");
    }
}
