namespace ATTT.Monitor.Collector.Storage;

/// <summary>A search over stored events (dashboard, API). Null filters match everything.</summary>
public sealed record EventQuery
{
    /// <summary>Units the caller may see; null means all (province users).</summary>
    public IReadOnlyCollection<string>? Units { get; init; }
    public string? Host { get; init; }
    public string? Channel { get; init; }
    public int? EventId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Plain text searched in the event's values (case-insensitive substring).</summary>
    public string? Text { get; init; }
    public bool IncludeDrill { get; init; }

    /// <summary>Paging: newest first; continue with the <see cref="EventPage.NextBeforeId"/> of the previous page.</summary>
    public long? BeforeId { get; init; }
    public int Limit { get; init; } = 50;
}
