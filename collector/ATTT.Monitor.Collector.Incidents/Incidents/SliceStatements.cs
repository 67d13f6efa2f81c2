using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The grouping statements of one <see cref="IncidentManager.RecordDetectionsAsync(IReadOnlyList{DetectionHit}, SqliteConnection, SqliteTransaction, CancellationToken)"/>
/// call, each prepared once and re-run with new values for every group of the slice: a slice of
/// replayed or noisy events touches dozens of incidents, and compiling the same SQL for each of them
/// cost more CPU than running it. Same SQL and same results as the <see cref="IncidentRows"/> methods.
/// </summary>
internal sealed class SliceStatements(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    private SqliteCommand? _findOpen;
    private SqliteCommand? _update;
    private SqliteCommand? _insertEvent;
    private SqliteCommand? _prune;

    /// <summary>As <see cref="IncidentRows.FindOpenAsync"/> with a window.</summary>
    public async Task<Incident?> FindOpenAsync(string groupKey, string unit, string host, bool isDrill, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        var command = _findOpen ??= Create(IncidentRows.FindOpenSql(windowed: true));
        IncidentRows.BindFindOpen(command, groupKey, unit, host, isDrill, at, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? IncidentRows.Read(reader) : null;
    }

    /// <summary>As <see cref="IncidentRows.UpdateAsync"/>.</summary>
    public async Task UpdateAsync(Incident incident, CancellationToken cancellationToken)
    {
        var command = _update ??= Create(IncidentRows.UpdateSql);
        IncidentRows.BindUpdate(command, incident);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records several matched events of one incident (match numbers ascending), then drops the ones
    /// between the first <paramref name="keepFirst"/> and the last <paramref name="keepLast"/> of
    /// <paramref name="count"/> matches: the same end state as <see cref="IncidentRows.AddEventAsync"/>
    /// per event. The prune runs only when that range can hold a match.
    /// </summary>
    public async Task AddEventsAsync(long incidentId, IReadOnlyList<(long Seq, long EventId)> events, long count, int keepFirst, int keepLast, CancellationToken cancellationToken)
    {
        var insert = _insertEvent ??= Create(IncidentRows.InsertEventSql);
        Sql.Set(insert, "$id", incidentId);
        foreach (var (seq, eventId) in events)
        {
            Sql.Set(insert, "$seq", seq);
            Sql.Set(insert, "$event", eventId);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (count - keepLast <= keepFirst)
            return;
        var prune = _prune ??= Create(IncidentRows.PruneEventsSql);
        Sql.Set(prune, "$id", incidentId);
        Sql.Set(prune, "$first", keepFirst);
        Sql.Set(prune, "$count", count);
        Sql.Set(prune, "$last", keepLast);
        await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _findOpen, _update, _insertEvent, _prune })
        {
            if (command is not null)
                await command.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SqliteCommand Create(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
