namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// The incident categories the collector stores (collector/…/Incidents/IncidentCategory.cs and
/// docs/playbooks.md). Kept here as data because this project references nothing of the product.
/// </summary>
internal static class IncidentCategories
{
    public static IReadOnlyList<string> All { get; } =
    [
        "malware", "ransomware", "account_compromise", "phishing", "defacement",
        "data_breach", "intrusion", "protection_disabled", "agent_silent", "other",
    ];
}
