namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// One row of event_sources: what a stored event shares with every other event from the same agent,
/// PC name and channel. An event row holds only its source's id, so the search narrows by unit, PC,
/// channel and drill flag on this small table and reads the events through (source, time).
/// </summary>
internal sealed record EventSource(long Id, string AgentId, string Unit, bool IsDrill, string Host, string Channel);
