namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// What kind of incident it is; reporting deadlines (notifications) and playbooks (drills) are
/// chosen by category. Stored as these lower-case strings; configuration may add more.
/// </summary>
public static class IncidentCategory
{
    public const string Malware = "malware";
    public const string Ransomware = "ransomware";
    public const string AccountCompromise = "account_compromise";
    public const string Phishing = "phishing";
    public const string Defacement = "defacement";
    public const string DataBreach = "data_breach";
    public const string Intrusion = "intrusion";
    public const string ProtectionDisabled = "protection_disabled";
    public const string AgentSilent = "agent_silent";
    public const string Other = "other";
}
