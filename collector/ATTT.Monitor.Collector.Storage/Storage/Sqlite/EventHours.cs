namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The event_hours table of events.db: events per hour of receipt and unit, kept in the same
/// transactions as the events (the writer adds, retention subtracts), so the dashboard's chart and
/// the total need no index on the events themselves.
/// </summary>
internal static class EventHours
{
    public const long HourMilliseconds = 3_600_000;
}
