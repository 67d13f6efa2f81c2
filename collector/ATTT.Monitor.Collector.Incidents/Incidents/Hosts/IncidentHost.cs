namespace ATTT.Monitor.Collector.Incidents.Hosts;

/// <summary>
/// A host as incidents name it (the events' Computer field, attacker-controlled: encode it): how
/// many incidents, how many still open and the most severe of those, the latest activity, and an
/// enrolled agent that reported one of them (null: none did, e.g. a scanned file).
/// </summary>
public sealed record IncidentHost(string Unit, string Host, long Incidents, long Open, IncidentSeverity? TopOpenSeverity, DateTimeOffset LastSeen, string? AgentId);
