namespace ATTT.Monitor.Collector.Reports;

/// <summary>A report (draft or sent) about one incident. Sent reports are never edited.</summary>
public sealed record IncidentReport(
    long Id,
    long IncidentId,
    string Form,
    string Number,
    string Status,
    ReportFields Fields,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt)
{
    public const string Draft = "draft";
    public const string Sent = "sent";

    public bool IsDraft => Status == Draft;
}
