namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// A search over stored events (dashboard, API, <c>attt events search</c>). Null filters match
/// everything. Results come newest first by the event's own time, then by id.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Units the caller may see; null means all (province users).</summary>
    public IReadOnlyCollection<string>? Units { get; init; }

    /// <summary>The PC's name as the event gives it (Computer), case-insensitive.</summary>
    public string? Host { get; init; }

    /// <summary>Only the events sent by this agent (a PC's page, whatever its events' Computer says).</summary>
    public string? AgentId { get; init; }
    public string? Channel { get; init; }
    public int? EventId { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Every one must hold (a field of that name with that value, case-insensitive).</summary>
    public IReadOnlyList<EventFieldFilter> Fields { get; init; } = [];

    /// <summary>Plain text searched in the event's values (case-insensitive substring).</summary>
    public string? Text { get; init; }
    public bool IncludeDrill { get; init; }

    /// <summary>Paging: continue with the <see cref="EventSearchPage.Next"/> of the previous page.</summary>
    public EventCursor? Before { get; init; }
    public int Limit { get; init; } = 50;

    /// <summary>
    /// With field or text filters, at most this many candidate events (those the indexed filters
    /// select) are read and tested for one page; the page then reports where it stopped.
    /// </summary>
    public int ScanBudget { get; init; } = DefaultScanBudget;

    public const int DefaultScanBudget = 10_000;
    public const int MaxLimit = 1000;

    public bool HasContentFilters => Fields.Count > 0 || !string.IsNullOrEmpty(Text);
}
