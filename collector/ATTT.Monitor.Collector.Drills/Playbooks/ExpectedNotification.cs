namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>An email the drill expects the notification engine to send.</summary>
public sealed record ExpectedNotification(string To, string? SubjectContains);
