using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>
/// An area that acts on incident changes (notifications, drills). It reads the journal after its own
/// checkpoint; <see cref="HandleAsync"/> runs in a transaction that also moves that checkpoint, so
/// what it writes exists exactly once per change. A consumer that throws is retried on the same entry
/// and shown on the dashboard; the others and detection go on.
/// </summary>
public interface IIncidentJournalConsumer
{
    /// <summary>The checkpoint's name, stable across versions (e.g. <c>notifications</c>).</summary>
    string Name { get; }

    Task HandleAsync(IncidentJournalEntry entry, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);
}
