using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>
/// Writes an incident change as one row of <c>incident_journal</c>, inside the transaction that
/// changes the incident, and nothing else: notifications, drills and reports follow the journal
/// with checkpoints of their own (<see cref="IncidentJournalFollower"/>), so a failing template or
/// mail server can never roll back or stall a detection.
/// </summary>
internal static class IncidentJournal
{
    public static IncidentChange ToChange(IncidentChangeKind kind, Incident incident, string? actor, DateTimeOffset at) => new(
        kind, incident.Id, incident.Title, incident.RuleId, incident.RuleTitle, incident.Tags, incident.Category,
        incident.Severity, incident.State, incident.Unit, incident.Host, incident.FirstSeen, incident.LastSeen,
        incident.Count, incident.IsDrill, actor, at, incident.CreatedAt) { Explanation = incident.Explanation, IsBackfill = incident.IsBackfill };

    public static async Task<IncidentChange> AppendAsync(
        IncidentChangeKind kind, Incident incident, string? actor, DateTimeOffset at,
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var change = ToChange(kind, incident, actor, at);
        await AppendAsync(change, connection, transaction, cancellationToken).ConfigureAwait(false);
        return change;
    }

    public static async Task AppendAsync(IncidentChange change, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO incident_journal (incident_id, kind, at, change_json) VALUES ($id, $kind, $at, $json);",
            ("$id", change.IncidentId), ("$kind", change.Kind.ToString()), ("$at", DbTime.Format(change.At)), ("$json", JsonSerializer.Serialize(change)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static IncidentChange Read(string json, long seq) =>
        JsonSerializer.Deserialize<IncidentChange>(json) ?? throw new InvalidDataException($"incident_journal row {seq} holds no change.");
}
