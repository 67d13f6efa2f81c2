namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>An events row as stored, every column.</summary>
internal readonly record struct StoredRow(long Id, long ReceivedAt, long Time, long Source, long EventId, long Dictionary, byte[] Body);
