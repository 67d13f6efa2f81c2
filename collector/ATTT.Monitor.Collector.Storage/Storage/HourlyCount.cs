namespace ATTT.Monitor.Collector.Storage;

public readonly record struct HourlyCount(DateTimeOffset Hour, long Count);
