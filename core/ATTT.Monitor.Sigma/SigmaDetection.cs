using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma;

/// <summary>
/// A rule matched. For a correlation, <see cref="Event"/> is the event that completed it and
/// <see cref="Count"/> the number of events or values that made it fire.
/// </summary>
public sealed record SigmaDetection(SigmaRuleInfo Rule, IFieldLookup Event, DateTimeOffset Timestamp, int Count = 1);
