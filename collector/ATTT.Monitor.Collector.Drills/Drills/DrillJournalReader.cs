using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// The drills area's reader of the incident journal: which drill run an incident belongs to, when
/// it opened (the journal entry's time, written in the transaction where the rule fired, so also the
/// detection time however late this reader runs), and when a person first took it up in the
/// dashboard. Real incidents are left alone.
/// </summary>
internal sealed class DrillJournalReader : IIncidentJournalConsumer
{
    public const string ReaderName = "drills";

    public string Name => ReaderName;

    /// <summary>How long after a drill started its incidents are still counted for it.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(2);

    public async Task HandleAsync(IncidentJournalEntry entry, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var change = entry.Change;
        if (!change.Incident.IsDrill)
            return;
        var runId = change.Kind == IncidentChangeKind.Opened
            ? await LinkAsync(change, connection, transaction, cancellationToken).ConfigureAwait(false)
            : await LinkedRunAsync(change.Incident.Id, connection, transaction, cancellationToken).ConfigureAwait(false);
        if (runId is not { } run)
            return;
        if (change.Kind == IncidentChangeKind.Opened)
        {
            await RecordAsync(connection, transaction, run, DrillLink.Detected, change.At, change.Incident.RuleId, cancellationToken).ConfigureAwait(false);
            await RecordAsync(connection, transaction, run, DrillLink.IncidentOpened, change.At, change.Incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        else if (change.Actor is not null && !IsSystem(change.Actor) && change.Kind is IncidentChangeKind.StateChanged or IncidentChangeKind.Assigned or IncidentChangeKind.Commented)
        {
            await RecordAsync(connection, transaction, run, DrillLink.DashboardAcknowledged, change.At, change.Actor, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The collector itself (a new run closing the previous run's incidents) is not a person taking an incident up.</summary>
    private static bool IsSystem(string actor) => actor == AuditActors.System || actor.StartsWith(AuditActors.System + ":", StringComparison.Ordinal);

    /// <summary>The latest drill run of the incident's unit, preferring one whose playbook expects its rule.</summary>
    private static async Task<long?> LinkAsync(IncidentChange change, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = """
            SELECT id FROM drill_runs
            WHERE unit = $unit AND started_at IS NOT NULL AND started_at >= $since AND started_at <= $at + 5
            ORDER BY started_at DESC, id DESC LIMIT 1;
            """;
        find.Parameters.AddWithValue("$unit", change.Incident.Unit);
        find.Parameters.AddWithValue("$since", (change.At - Window).ToUnixTimeSeconds());
        find.Parameters.AddWithValue("$at", change.At.ToUnixTimeSeconds());
        if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long runId)
            return null;
        await using var link = connection.CreateCommand();
        link.Transaction = transaction;
        link.CommandText = "INSERT INTO drill_run_incidents (run_id, incident_id, rule_id, opened_at) VALUES ($run, $incident, $rule, $at) ON CONFLICT DO NOTHING;";
        link.Parameters.AddWithValue("$run", runId);
        link.Parameters.AddWithValue("$incident", change.Incident.Id);
        link.Parameters.AddWithValue("$rule", (object?)change.Incident.RuleId ?? DBNull.Value);
        link.Parameters.AddWithValue("$at", change.At.ToUnixTimeMilliseconds());
        await link.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return runId;
    }

    private static async Task<long?> LinkedRunAsync(long incidentId, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT run_id FROM drill_run_incidents WHERE incident_id = $incident;";
        find.Parameters.AddWithValue("$incident", incidentId);
        return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    private static async Task RecordAsync(SqliteConnection connection, SqliteTransaction transaction, long runId, string link, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO drill_measurements (run_id, link, at, detail) VALUES ($r, $l, $at, $d) ON CONFLICT DO NOTHING;";
        command.Parameters.AddWithValue("$r", runId);
        command.Parameters.AddWithValue("$l", link);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$d", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
