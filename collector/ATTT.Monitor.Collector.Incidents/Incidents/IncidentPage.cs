namespace ATTT.Monitor.Collector.Incidents;

/// <summary>One page of incidents and how many match in all.</summary>
public sealed record IncidentPage(IReadOnlyList<Incident> Items, long Total, int Offset, int Limit);
