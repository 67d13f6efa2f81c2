using ATTT.Monitor.Agent.Service;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent install</c> / <c>uninstall</c>: the Windows service.</summary>
internal static class ServiceCommands
{
    private const string DefaultName = "ATTTAgent";
    private static readonly CommandOption ServiceName = new("--service-name", "NAME", "Tên dịch vụ / Service name.", DefaultValue: DefaultName);

    private static string WindowsOnly(string verb) =>
        $"attt-agent {verb} works on Windows only: it registers the agent with the Windows service control manager.";

    public static AgentCommand CreateInstall() => new(
        "install",
        "Đăng ký tác tử thành dịch vụ Windows (chỉ trên Windows) / Register the agent as a Windows service (Windows only).",
        "attt-agent install --config FILE [--service-name NAME]",
        [new("--config", "FILE", "Tệp cấu hình YAML của dịch vụ / The YAML configuration the service runs with.", Required: true), ServiceName],
        (values, _) =>
        {
            if (!OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException(WindowsOnly("install"));
            ServiceInstaller.Install(values.Text(ServiceName.Name)!, values.FullPath("--config")!, values.Output);
            return Task.FromResult(AgentExitCodes.Success);
        });

    public static AgentCommand CreateUninstall() => new(
        "uninstall",
        "Gỡ dịch vụ Windows của tác tử (chỉ trên Windows) / Remove the agent's Windows service (Windows only).",
        "attt-agent uninstall [--service-name NAME]",
        [ServiceName],
        (values, _) =>
        {
            if (!OperatingSystem.IsWindows())
                throw new PlatformNotSupportedException(WindowsOnly("uninstall"));
            ServiceInstaller.Uninstall(values.Text(ServiceName.Name)!, values.Output);
            return Task.FromResult(AgentExitCodes.Success);
        });
}
