using ATTT.Monitor.Agent.Sources.Query;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// The default subscription: Security events that the shipped rules and the SigmaHQ Windows rules
/// use, plus System, Defender, PowerShell, Sysmon (when installed) and Task Scheduler in full.
/// </summary>
public static class WindowsChannels
{
    public const string SecurityEventIds =
        "1100, 1102, 1104, 4608-4627, 4634, 4647, 4648, 4656-4663, 4670, 4672-4674, 4688-4704, 4713-4800, " +
        "4817-4826, 4864-4908, 4944-4958, 5136-5145, 5156, 5376, 5377, 6416";

    public static IReadOnlyList<WindowsChannel> Defaults() =>
    [
        new() { Name = "Security", EventIds = EventIdSet.Parse(SecurityEventIds) },
        new() { Name = "System" },
        new() { Name = "Microsoft-Windows-Windows Defender/Operational" },
        new() { Name = "Microsoft-Windows-PowerShell/Operational" },
        new() { Name = "Windows PowerShell" },
        new() { Name = "Microsoft-Windows-Sysmon/Operational", Optional = true },
        new() { Name = "Microsoft-Windows-TaskScheduler/Operational", Optional = true },
    ];
}
