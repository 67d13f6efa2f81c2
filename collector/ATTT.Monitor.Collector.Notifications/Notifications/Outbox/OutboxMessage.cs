using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// One outbox row: one message to one recipient (its own confirmation link), while the headers
/// name everyone told (To/Cc) so each recipient sees who else knows.
/// </summary>
public sealed record OutboxMessage(
    long Id,
    long? IncidentId,
    string Kind,
    string? ContactId,
    string RecipientEmail,
    string RecipientName,
    IReadOnlyList<MailParty> ToList,
    IReadOnlyList<MailParty> CcList,
    string Subject,
    string TextBody,
    string HtmlBody,
    string MessageId,
    bool IsDrill,
    bool IsAuthority,
    IncidentSeverity Severity,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt)
{
    public IReadOnlyList<OutboxAttachment> Attachments { get; init; } = [];
}
