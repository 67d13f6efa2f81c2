namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>Enrolled agents of a unit and the hosts not heard from at the end of the month.</summary>
public sealed record AgentSummary(int Enrolled, IReadOnlyList<string> Silent);
