namespace ATTT.Monitor.Collector.Dashboard.Security;

public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string TargetKind, string Target, string? Detail);
