namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>The message a valid confirmation token names, as the confirmation page shows it.</summary>
internal sealed record AckTarget(long OutboxId, long? IncidentId, string RecipientEmail, string RecipientName, string Subject, Acknowledgement? Existing);
