namespace ATTT.Monitor.Collector.Notifications.Queries;

/// <summary>One message as the dashboard lists it: who was told, whether it left, and who confirmed.</summary>
public sealed record NoticeView(
    long Id,
    long? IncidentId,
    string Kind,
    string RecipientName,
    string RecipientEmail,
    bool IsAuthority,
    bool IsDrill,
    string Subject,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt);
