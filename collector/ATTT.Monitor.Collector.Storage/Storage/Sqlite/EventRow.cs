using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The indexed columns of one event, its body as stored (zstd, compressed with
/// <see cref="Dictionary"/>), and the event as detection will see it (<see cref="Record"/>: equal to
/// what reading the body back gives).
/// </summary>
internal readonly record struct EventRow(long TimeUs, string Host, string Channel, int EventId, long Dictionary, byte[] Body, EventRecord Record);
