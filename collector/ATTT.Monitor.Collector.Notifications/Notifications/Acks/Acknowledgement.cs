namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>Who confirmed receipt of which message, and when.</summary>
public sealed record Acknowledgement(long OutboxId, long? IncidentId, string RecipientEmail, string ConfirmedBy, DateTimeOffset ConfirmedAt, string? ClientAddress);
