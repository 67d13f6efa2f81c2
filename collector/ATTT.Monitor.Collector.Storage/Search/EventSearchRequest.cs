namespace ATTT.Monitor.Collector.Search;

/// <summary>
/// A search as typed: the page's form, the API's query string and <c>attt events search</c>'s
/// options, before <see cref="EventSearchFilters.Parse"/> checks it. Empty values mean no filter.
/// </summary>
public sealed record EventSearchRequest
{
    public string? Host { get; init; }
    public string? Unit { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Channel { get; init; }
    public string? EventId { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public string? Text { get; init; }
    public string? Before { get; init; }
    public string? Limit { get; init; }
    public bool IncludeDrill { get; init; }
}
