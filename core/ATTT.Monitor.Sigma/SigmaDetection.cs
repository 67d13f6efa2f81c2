using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma;

/// <summary>
/// A rule matched. For a correlation, <see cref="Event"/> is the event that completed it (for a
/// correlation decided when its window closed: the last event of the window, and
/// <see cref="Timestamp"/> that event's time) and <see cref="Count"/> the number of events, values
/// or rules that made it fire (for value_sum, value_avg and value_percentile: the number of values).
/// </summary>
public sealed record SigmaDetection(SigmaRuleInfo Rule, IFieldLookup Event, DateTimeOffset Timestamp, int Count = 1)
{
    /// <summary>For a correlation: the measure its condition was met by (count, sum, average, percentile or share in percent).</summary>
    public double? Value { get; init; }

    /// <summary>For a correlation: the scope the caller fed its detections with (the collector's unit), or null.</summary>
    public string? Scope { get; init; }

    /// <summary>For a correlation: the group it fired for, by group-by name (or alias).</summary>
    public IReadOnlyDictionary<string, string>? Group { get; init; }
}
