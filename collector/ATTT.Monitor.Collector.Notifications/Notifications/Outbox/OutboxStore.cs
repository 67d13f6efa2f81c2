using System.Text.Json;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>Reads and writes outbox rows. Rows are never deleted: sent and dead rows stay as the record of who was told.</summary>
public sealed class OutboxStore(EmbeddedDatabase database)
{
    private const string Columns = "id, incident_id, kind, contact_id, recipient_email, recipient_name, to_list, cc_list, subject, text_body, html_body, message_id, is_drill, is_authority, severity, status, attempts, next_attempt_at, last_error, created_at, sent_at";

    public EmbeddedDatabase Database => database;

    public static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, OutboxMessage m, CancellationToken cancellationToken)
    {
        await using var insert = Sql.Command(connection, transaction, """
            INSERT INTO notification_outbox (incident_id, kind, contact_id, recipient_email, recipient_name, to_list, cc_list, subject, text_body, html_body, message_id, is_drill, is_authority, severity, status, attempts, next_attempt_at, created_at)
            VALUES ($incident, $kind, $contact, $email, $name, $to, $cc, $subject, $text, $html, $mid, $drill, $authority, $severity, $status, 0, $next, $created)
            RETURNING id;
            """,
            ("$incident", m.IncidentId), ("$kind", m.Kind), ("$contact", m.ContactId), ("$email", m.RecipientEmail), ("$name", m.RecipientName),
            ("$to", JsonSerializer.Serialize(m.ToList)), ("$cc", JsonSerializer.Serialize(m.CcList)), ("$subject", m.Subject),
            ("$text", m.TextBody), ("$html", m.HtmlBody), ("$mid", m.MessageId), ("$drill", m.IsDrill ? 1 : 0), ("$authority", m.IsAuthority ? 1 : 0),
            ("$severity", (int)m.Severity), ("$status", OutboxStatus.Pending), ("$next", DbTime.Format(m.NextAttemptAt)), ("$created", DbTime.Format(m.CreatedAt)));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        foreach (var a in m.Attachments)
        {
            await using var attach = Sql.Command(connection, transaction,
                "INSERT INTO notification_attachments (outbox_id, file_name, content_type, content) VALUES ($id, $name, $type, $content);",
                ("$id", id), ("$name", a.FileName), ("$type", a.ContentType), ("$content", a.Content));
            await attach.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    public async Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await QueryAsync(connection, $"SELECT {Columns} FROM notification_outbox WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY next_attempt_at, id LIMIT $limit;",
            cancellationToken, ("$now", DbTime.Format(now)), ("$limit", limit)).ConfigureAwait(false);
        var withAttachments = new List<OutboxMessage>(rows.Count);
        foreach (var row in rows)
            withAttachments.Add(row with { Attachments = await AttachmentsAsync(connection, row.Id, cancellationToken).ConfigureAwait(false) });
        return withAttachments;
    }

    public async Task<IReadOnlyList<OutboxMessage>> QueryAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(connection, $"SELECT {Columns} FROM notification_outbox WHERE {where};", cancellationToken, parameters).ConfigureAwait(false);
    }

    public Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE notification_outbox SET status = 'sent', sent_at = $at, attempts = attempts + 1, last_error = NULL WHERE id = $id;", cancellationToken, ("$id", id), ("$at", DbTime.Format(at)));

    public Task RescheduleAsync(long id, int attempts, DateTimeOffset next, string? error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE notification_outbox SET attempts = $attempts, next_attempt_at = $next, last_error = $error WHERE id = $id AND status = 'pending';",
            cancellationToken, ("$id", id), ("$attempts", attempts), ("$next", DbTime.Format(next)), ("$error", error));

    public Task MarkDeadAsync(long id, int attempts, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE notification_outbox SET status = 'dead', attempts = $attempts, last_error = $error, dead_at = $at WHERE id = $id;",
            cancellationToken, ("$id", id), ("$attempts", attempts), ("$error", error), ("$at", DbTime.Format(at)));

    /// <summary>An operator sends a dead message again (after fixing the address or the server).</summary>
    public Task RequeueAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = $now, dead_at = NULL WHERE id = $id AND status = 'dead';",
            cancellationToken, ("$id", id), ("$now", DbTime.Format(now)));

    /// <summary>An administrator decides an undelivered message will never be sent; it stays in the record with who decided.</summary>
    public async Task<bool> GiveUpAsync(long id, string admin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null,
            "UPDATE notification_outbox SET status = 'given_up', given_up_at = $now, given_up_by = $admin WHERE id = $id AND status IN ('pending', 'dead');",
            ("$id", id), ("$admin", admin), ("$now", DbTime.Format(now)));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<long> CountSentSinceAsync(string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var count = Sql.Command(connection, null, "SELECT COUNT(*) FROM notification_outbox WHERE recipient_email = $email COLLATE NOCASE AND status = 'sent' AND sent_at >= $since;",
            ("$email", email), ("$since", DbTime.Format(since)));
        return (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Sql.Command(connection, null, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<OutboxMessage>> QueryAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql.Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new OutboxMessage(
                reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), Sql.StringOrNull(reader, 3),
                reader.GetString(4), reader.GetString(5),
                JsonSerializer.Deserialize<List<MailParty>>(reader.GetString(6)) ?? [], JsonSerializer.Deserialize<List<MailParty>>(reader.GetString(7)) ?? [],
                reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11), reader.GetInt64(12) != 0, reader.GetInt64(13) != 0,
                (IncidentSeverity)reader.GetInt64(14), reader.GetString(15), (int)reader.GetInt64(16), DbTime.Read(reader, 17), Sql.StringOrNull(reader, 18),
                DbTime.Read(reader, 19), DbTime.ReadOrNull(reader, 20)));
        }

        return list;
    }

    private static async Task<IReadOnlyList<OutboxAttachment>> AttachmentsAsync(SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, "SELECT file_name, content_type, content FROM notification_attachments WHERE outbox_id = $id ORDER BY id;", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<OutboxAttachment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(new OutboxAttachment(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        return list;
    }
}
