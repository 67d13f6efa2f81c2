using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>notification_reports: drafts and sent reports, fields stored as JSON.</summary>
internal static class ReportStore
{
    private const string Columns = "id, incident_id, form, number, status, fields_json, created_at, updated_at, sent_at";

    public static async Task<IncidentReport> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, long incidentId, string form, ReportFields fields, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, transaction, """
            INSERT INTO notification_reports (incident_id, form, number, fields_json, status, created_at, updated_at)
            VALUES ($incident, $form, '', $fields, 'draft', $now, $now) RETURNING id;
            """, ("$incident", incidentId), ("$form", form), ("$fields", JsonSerializer.Serialize(fields)), ("$now", DbTime.Format(now)));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var number = string.Create(CultureInfo.InvariantCulture, $"{id:D4}/BC{form}-ATTT");
        await using var setNumber = Sql.Command(connection, transaction, "UPDATE notification_reports SET number = $n WHERE id = $id;", ("$n", number), ("$id", id));
        await setNumber.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new IncidentReport(id, incidentId, form, number, IncidentReport.Draft, fields, now, now, null);
    }

    public static async Task<IReadOnlyList<IncidentReport>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Sql.Command(connection, transaction, $"SELECT {Columns} FROM notification_reports WHERE {where};", parameters);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<IncidentReport>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new IncidentReport(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                JsonSerializer.Deserialize<ReportFields>(r.GetString(5)) ?? new ReportFields(), DbTime.Read(r, 6), DbTime.Read(r, 7), DbTime.ReadOrNull(r, 8)));
        }

        return list;
    }

    public static async Task<bool> UpdateFieldsAsync(SqliteConnection connection, long id, ReportFields fields, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, null, "UPDATE notification_reports SET fields_json = $f, updated_at = $now WHERE id = $id AND status = 'draft';",
            ("$f", JsonSerializer.Serialize(fields)), ("$now", DbTime.Format(now)), ("$id", id));
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public static async Task MarkSentAsync(SqliteConnection connection, SqliteTransaction transaction, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var update = Sql.Command(connection, transaction, "UPDATE notification_reports SET status = 'sent', sent_at = $now, updated_at = $now WHERE id = $id;",
            ("$now", DbTime.Format(now)), ("$id", id));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
