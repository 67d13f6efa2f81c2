using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Queries;

/// <inheritdoc />
public sealed class NotificationQueries(EmbeddedDatabase database, OutboxStore outbox, TimeProvider time) : INotificationQueries
{
    private const string Select = """
        SELECT o.id, o.incident_id, o.kind, o.recipient_name, o.recipient_email, o.is_authority, o.is_drill, o.subject, o.status, o.attempts,
               o.last_error, o.created_at, o.sent_at, a.confirmed_by, a.confirmed_at
        FROM notification_outbox o LEFT JOIN notification_acks a ON a.outbox_id = o.id
        """;

    public Task<IReadOnlyList<NoticeView>> GetNoticesAsync(long incidentId, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE o.incident_id = $id ORDER BY o.id;", cancellationToken, ("$id", incidentId));

    public Task<IReadOnlyList<NoticeView>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE o.status = 'dead' ORDER BY o.dead_at DESC, o.id DESC LIMIT $limit;", cancellationToken, ("$limit", limit));

    public async Task<IReadOnlyList<Acknowledgement>> GetAcknowledgementsAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null,
            "SELECT outbox_id, incident_id, recipient_email, confirmed_by, confirmed_at, client_address FROM notification_acks WHERE incident_id = $id ORDER BY confirmed_at;",
            ("$id", incidentId));
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Acknowledgement>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(new Acknowledgement(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), DbTime.Read(r, 4), Sql.StringOrNull(r, 5)));
        return list;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetOutboxCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, "SELECT status, COUNT(*) FROM notification_outbox GROUP BY status;");
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal) { [OutboxStatus.Pending] = 0, [OutboxStatus.Sent] = 0, [OutboxStatus.Dead] = 0, [OutboxStatus.GivenUp] = 0 };
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            counts[r.GetString(0)] = r.GetInt64(1);
        return counts;
    }

    public Task RequeueAsync(long outboxId, CancellationToken cancellationToken) => outbox.RequeueAsync(outboxId, time.GetUtcNow(), cancellationToken);

    public Task<bool> GiveUpAsync(long outboxId, string administrator, CancellationToken cancellationToken) =>
        outbox.GiveUpAsync(outboxId, administrator, time.GetUtcNow(), cancellationToken);

    public async Task<UndeliveredSummary> GetUndeliveredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, """
            SELECT COALESCE(SUM(status = 'dead'), 0), COALESCE(SUM(status = 'dead' AND is_authority = 1), 0),
                   COALESCE(SUM(status = 'pending' AND attempts > 0), 0), COALESCE(SUM(status = 'pending' AND attempts > 0 AND is_authority = 1), 0),
                   MIN(CASE WHEN status = 'pending' AND attempts > 0 THEN created_at END)
            FROM notification_outbox WHERE status IN ('dead', 'pending');
            """);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new UndeliveredSummary(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), DbTime.ReadOrNull(r, 4));
    }

    private async Task<IReadOnlyList<NoticeView>> QueryAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, sql, parameters);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<NoticeView>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new NoticeView(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0,
                r.GetInt64(6) != 0, r.GetString(7), r.GetString(8), (int)r.GetInt64(9), Sql.StringOrNull(r, 10), DbTime.Read(r, 11), DbTime.ReadOrNull(r, 12),
                Sql.StringOrNull(r, 13), DbTime.ReadOrNull(r, 14)));
        }

        return list;
    }
}
