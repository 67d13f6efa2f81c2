namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>The indexed columns of one event and its compact JSON body.</summary>
internal readonly record struct EventRow(long TimeUs, string Host, string Channel, int EventId, string Body);
