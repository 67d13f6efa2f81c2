namespace ATTT.Monitor.Collector.Audit;

/// <summary>A stored <see cref="AuditEntry"/> with its id (strictly increasing in write order).</summary>
public sealed record AuditRecord(long Id, string Area, string Action, string Actor, string? Target, string? Details, DateTimeOffset At);
