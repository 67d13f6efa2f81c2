using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// A hook that writes every change into its own table inside the change's transaction, as the
/// notification outbox does, so tests see what committed and what rolled back.
/// </summary>
internal sealed class RecordingIncidentHook : IIncidentTransactionHook
{
    public static ISchemaMigration Migration { get; } = new SchemaMigration("zz-test-hook", 1,
        "CREATE TABLE test_hook_changes (id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT);");

    public List<IncidentChange> Seen { get; } = [];

    public bool Fail { get; set; }

    public async Task OnIncidentChangedAsync(IncidentChange change, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        Seen.Add(change);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO test_hook_changes (incident_id, kind, actor) VALUES ($id, $kind, $actor);";
        command.Parameters.AddWithValue("$id", change.IncidentId);
        command.Parameters.AddWithValue("$kind", change.Kind.ToString());
        command.Parameters.AddWithValue("$actor", (object?)change.Actor ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (Fail)
            throw new InvalidOperationException("test hook failure");
    }
}
