namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>The agent's counters after a batch was recorded.</summary>
public sealed record BatchRecordResult(long PreviousLastSequence, long DroppedTotal);
