namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// The default subscription: Security events that the shipped rules and the SigmaHQ Windows rules
/// use, plus System, Defender, PowerShell, Sysmon (when installed) and Task Scheduler in full.
/// Ranges keep the XPath short (the event log service limits how many clauses a query may have).
/// </summary>
public static class WindowsChannels
{
    public const string SecurityFilter =
        "EventID=1100 or EventID=1102 or EventID=1104 or (EventID >= 4608 and EventID <= 4627) or EventID=4634 or EventID=4647 or EventID=4648 " +
        "or (EventID >= 4656 and EventID <= 4663) or EventID=4670 or EventID=4672 or EventID=4673 or EventID=4674 " +
        "or (EventID >= 4688 and EventID <= 4704) or (EventID >= 4713 and EventID <= 4767) or (EventID >= 4768 and EventID <= 4800) " +
        "or (EventID >= 4817 and EventID <= 4826) or (EventID >= 4864 and EventID <= 4908) or (EventID >= 4944 and EventID <= 4958) " +
        "or (EventID >= 5136 and EventID <= 5145) or EventID=5156 or EventID=5376 or EventID=5377 or EventID=6416";

    public static IReadOnlyList<WindowsChannel> Defaults() =>
    [
        new() { Name = "Security", Filter = SecurityFilter },
        new() { Name = "System" },
        new() { Name = "Microsoft-Windows-Windows Defender/Operational" },
        new() { Name = "Microsoft-Windows-PowerShell/Operational" },
        new() { Name = "Windows PowerShell" },
        new() { Name = "Microsoft-Windows-Sysmon/Operational", Optional = true },
        new() { Name = "Microsoft-Windows-TaskScheduler/Operational", Optional = true },
    ];
}
