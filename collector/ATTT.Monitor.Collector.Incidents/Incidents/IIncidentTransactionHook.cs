using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Called inside the transaction that changes an incident, so side effects recorded here (the
/// notification outbox, drill measurements) commit or roll back with the change itself.
/// Hooks must only write to the database here; sending happens later, from the outbox.
/// </summary>
public interface IIncidentTransactionHook
{
    Task OnIncidentChangedAsync(IncidentChange change, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);
}
