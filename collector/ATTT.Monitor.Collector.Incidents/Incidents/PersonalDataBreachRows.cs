using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>The SQL of <c>incident_personal_data</c>: one row per incident, written once.</summary>
internal static class PersonalDataBreachRows
{
    public const int MaxNoteLength = 1000;

    public static async Task<PersonalDataBreach?> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, transaction,
            "SELECT known_at, note, marked_by FROM incident_personal_data WHERE incident_id = $id;", ("$id", incidentId));
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PersonalDataBreach(incidentId, DbTime.Read(r, 0), r.GetString(1), r.GetString(2))
            : null;
    }

    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataBreach mark, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO incident_personal_data (incident_id, known_at, note, marked_by) VALUES ($id, $at, $note, $by);",
            ("$id", mark.IncidentId), ("$at", DbTime.Format(mark.KnownAt)), ("$note", mark.Note), ("$by", mark.MarkedBy));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
