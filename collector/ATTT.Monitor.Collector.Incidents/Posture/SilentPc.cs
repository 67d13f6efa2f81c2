namespace ATTT.Monitor.Collector.Posture;

/// <summary>A PC that stopped reporting during its unit's working hours: a posture problem, shown at once.</summary>
public sealed record SilentPc(string AgentId, string Unit, string Host, DateTimeOffset LastSeenAt, bool HasIncident);
