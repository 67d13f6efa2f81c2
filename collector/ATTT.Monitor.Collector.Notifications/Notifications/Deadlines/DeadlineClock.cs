using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <inheritdoc />
internal sealed class DeadlineClock(EmbeddedDatabase database, TimeProvider time) : IDeadlineClock
{
    private const string Select = "SELECT incident_id, key, title, met_by, starts_at, due_at, reminded_at, escalated_at, met_at, stopped_at, stop_reason FROM notification_deadlines";

    public Task<IReadOnlyList<DeadlineStatus>> GetAsync(long incidentId, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE incident_id = $id ORDER BY due_at, key;", cancellationToken, ("$id", incidentId));

    public Task<IReadOnlyList<DeadlineStatus>> GetOpenAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE met_at IS NULL AND stopped_at IS NULL ORDER BY due_at LIMIT $limit;", cancellationToken, ("$limit", limit));

    public async Task MarkMetAsync(long incidentId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await DeadlineStore.MarkMetAsync(connection, null, incidentId, null, key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeadlineStatus>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, sql, parameters);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DeadlineStatus>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DeadlineStatus(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), DbTime.Read(r, 4), DbTime.Read(r, 5), now,
                DbTime.ReadOrNull(r, 6), DbTime.ReadOrNull(r, 7), DbTime.ReadOrNull(r, 8))
            {
                StoppedAt = DbTime.ReadOrNull(r, 9),
                StopReason = Sql.StringOrNull(r, 10),
            });
        }

        return list;
    }
}
