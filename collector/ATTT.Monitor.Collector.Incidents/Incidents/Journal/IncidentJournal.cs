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
    public static async Task<IncidentChange> AppendAsync(
        IncidentChangeKind kind, Incident incident, string? actor, DateTimeOffset at,
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var change = new IncidentChange(kind, incident, actor, at);
        await AppendAsync(change, connection, transaction, cancellationToken).ConfigureAwait(false);
        return change;
    }

    public static async Task AppendAsync(IncidentChange change, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO incident_journal (incident_id, kind, at, change_json) VALUES ($id, $kind, $at, $json);",
            ("$id", change.Incident.Id), ("$kind", change.Kind.ToString()), ("$at", DbTime.Format(change.At)), ("$json", JsonSerializer.Serialize(change)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a row's change: <c>{"Kind", "Incident", "Actor", "At"}</c>, or the flat shape of rows
    /// written before a change carried the whole incident (<see cref="IncidentChangeRowV1"/>).
    /// </summary>
    public static IncidentChange Read(string json, long seq)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"incident_journal row {seq} holds no change.");
        var change = document.RootElement.TryGetProperty(nameof(IncidentChange.Incident), out _)
            ? document.RootElement.Deserialize<IncidentChange>()
            : document.RootElement.Deserialize<IncidentChangeRowV1>()?.ToChange();
        return change is { Incident: not null } ? change : throw new InvalidDataException($"incident_journal row {seq} holds no change.");
    }
}
