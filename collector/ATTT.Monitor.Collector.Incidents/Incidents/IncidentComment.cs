namespace ATTT.Monitor.Collector.Incidents;

/// <summary>A comment (ghi chú) on an incident. <see cref="Text"/> is user input: encode it when shown.</summary>
public sealed record IncidentComment(long Id, long IncidentId, string Author, string Text, DateTimeOffset At);
