namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>
/// A unit's month (Vietnam time): incidents by category and severity, time to acknowledge and to
/// resolve, antivirus coverage and signature age, silent agents, drills, indicator 1 of the plan and lost events. A null section means its
/// source is not available on this collector (the area is not installed), never "zero".
/// </summary>
public sealed record MonthlySecurityReport(
    string Unit,
    string Month,
    DateTimeOffset From,
    DateTimeOffset To,
    int Incidents,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> BySeverity,
    int Acknowledged,
    TimeSpan? MedianTimeToAcknowledge,
    int Resolved,
    TimeSpan? MedianTimeToResolve,
    AntivirusSummary? Antivirus,
    AgentSummary? Agents,
    int? DrillsHeld,
    int DrillIncidents,
    MonthlyPlanSummary? Plan = null);
