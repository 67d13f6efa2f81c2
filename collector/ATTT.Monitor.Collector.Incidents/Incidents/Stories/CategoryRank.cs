namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Which category says most about an attack when its detections disagree: the outcome the officer
/// must answer (encrypted files, a defaced portal, stolen passwords, data taken) before the means
/// (protection turned off, an operator at work, a program installing itself).
/// </summary>
internal static class CategoryRank
{
    private static readonly string[] Order =
    [
        IncidentCategory.Ransomware, IncidentCategory.Defacement, IncidentCategory.AccountCompromise, IncidentCategory.DataBreach,
        IncidentCategory.ProtectionDisabled, IncidentCategory.Intrusion, IncidentCategory.Malware, IncidentCategory.Phishing,
    ];

    /// <summary>Higher is more serious; configured categories outside the list rank just above <c>other</c>.</summary>
    public static int Of(string category) => category switch
    {
        IncidentCategory.Other => 0,
        IncidentCategory.AgentSilent => 1,
        _ => Array.IndexOf(Order, category) is var i and >= 0 ? 100 - i : 2,
    };

    public static string Max(string a, string b) => Of(b) > Of(a) ? b : a;
}
