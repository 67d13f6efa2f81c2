using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Audit;

/// <summary>
/// The audit trail (nhật ký thao tác) in the embedded state database, table <c>audit_log</c>.
/// Every area writes its changes here; write inside the transaction of the change itself when there
/// is one, so a change and its audit record commit or roll back together.
/// </summary>
public interface IAuditLog
{
    /// <summary>Records <paramref name="entry"/> inside the caller's transaction.</summary>
    Task<long> WriteAsync(AuditEntry entry, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="entry"/> in a transaction of its own.</summary>
    Task<long> WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
