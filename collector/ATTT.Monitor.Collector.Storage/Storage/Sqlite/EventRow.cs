using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The indexed columns of one event and its compact JSON body (UTF-8, stored as TEXT), and the event as detection will see
/// it (<see cref="Record"/>: equal to what reading <see cref="Body"/> back gives).
/// </summary>
internal readonly record struct EventRow(long TimeUs, string Host, string Channel, int EventId, byte[] Body, EventRecord Record);
