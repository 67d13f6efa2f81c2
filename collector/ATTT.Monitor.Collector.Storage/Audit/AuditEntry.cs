namespace ATTT.Monitor.Collector.Audit;

/// <summary>
/// One change to record: which area (incidents, agents, users, drills, ...), what was done, by whom
/// (a user name, an agent id, or <see cref="AuditActors.System"/>), to what, with free-text details.
/// </summary>
public sealed record AuditEntry(string Area, string Action, string Actor, string? Target, string? Details, DateTimeOffset At);
