namespace ATTT.Monitor.Collector.Audit;

/// <summary>A search over the audit log, newest first. Null filters match everything.</summary>
public sealed record AuditQuery
{
    public string? Area { get; init; }
    public string? Target { get; init; }
    public string? Actor { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Paging: continue with the smallest id of the previous page.</summary>
    public long? BeforeId { get; init; }
    public int Limit { get; init; } = 100;
}
