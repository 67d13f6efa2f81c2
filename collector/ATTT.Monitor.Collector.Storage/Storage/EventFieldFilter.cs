namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// <c>NAME=VALUE</c>: the event has a field of that name (EventData/UserData, or a System field by
/// its Sigma name: EventID, Channel, Computer, Provider_Name, ...) whose value equals VALUE, ignoring case.
/// </summary>
public sealed record EventFieldFilter(string Name, string Value);
