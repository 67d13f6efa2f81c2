namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>Deadline clocks for the dashboard: what is due for an incident and how long is left.</summary>
public interface IDeadlineClock
{
    Task<IReadOnlyList<DeadlineStatus>> GetAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Open deadlines of every incident, soonest first (the dashboard's "due soon" list).</summary>
    Task<IReadOnlyList<DeadlineStatus>> GetOpenAsync(int limit, CancellationToken cancellationToken);

    /// <summary>An officer records that a deadline was met by hand (e.g. the 72 h report went by post).</summary>
    Task MarkMetAsync(long incidentId, string key, CancellationToken cancellationToken);
}
