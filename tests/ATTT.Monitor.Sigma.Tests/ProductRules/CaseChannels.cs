namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>Short channel names for case files, and the provider each channel's events carry.</summary>
internal static class CaseChannels
{
    private static readonly Dictionary<string, (string Channel, string? Provider)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["security"] = ("Security", "Microsoft-Windows-Security-Auditing"),
        ["system"] = ("System", null),
        ["sysmon"] = ("Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon"),
        ["defender"] = ("Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-Windows Defender"),
        ["powershell"] = ("Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell"),
        ["powershell-classic"] = ("Windows PowerShell", "PowerShell"),
        ["taskscheduler"] = ("Microsoft-Windows-TaskScheduler/Operational", "Microsoft-Windows-TaskScheduler"),
        ["application"] = ("Application", null),
    };

    /// <summary>The full channel name and default provider; an unknown name is taken as a full channel name with no default.</summary>
    public static (string Channel, string? Provider) Resolve(string name)
    {
        if (Known.TryGetValue(name, out var known)) return known;
        var full = Known.Values.FirstOrDefault(k => k.Channel.Equals(name, StringComparison.OrdinalIgnoreCase));
        return full.Channel is null ? (name, null) : full;
    }
}
