namespace ATTT.Monitor.Collector.Incidents;

/// <summary>How many incidents there are per state, and how many open ones per severity.</summary>
public sealed record IncidentCounts(
    IReadOnlyDictionary<IncidentState, long> ByState,
    IReadOnlyDictionary<IncidentSeverity, long> OpenBySeverity)
{
    public long Open => ByState.GetValueOrDefault(IncidentState.New) + ByState.GetValueOrDefault(IncidentState.InProgress);
}
