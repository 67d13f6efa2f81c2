using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>Finds the message a confirmation token names and records the confirmation (once; later ones keep the first).</summary>
internal sealed class AckService(EmbeddedDatabase database, AckTokenService tokens, TimeProvider time)
{
    public async Task<AckTarget?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!tokens.TryValidate(token, time.GetUtcNow(), out var key) || !IsHex(key))
            return null;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Sql.Command(connection, null, """
            SELECT o.id, o.incident_id, o.recipient_email, o.recipient_name, o.subject, a.confirmed_by, a.confirmed_at, a.client_address
            FROM notification_outbox o LEFT JOIN notification_acks a ON a.outbox_id = o.id
            WHERE o.message_id LIKE $prefix;
            """, ("$prefix", key + "@%"));
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        long? incident = r.IsDBNull(1) ? null : r.GetInt64(1);
        var existing = r.IsDBNull(5) ? null : new Acknowledgement(r.GetInt64(0), incident, r.GetString(2), r.GetString(5), DbTime.Read(r, 6), Sql.StringOrNull(r, 7));
        return new AckTarget(r.GetInt64(0), incident, r.GetString(2), r.GetString(3), r.GetString(4), existing);
    }

    /// <summary>Records the confirmation; returns the one stored (the first, if it was confirmed before).</summary>
    public async Task<Acknowledgement> ConfirmAsync(AckTarget target, string? confirmedBy, string? clientAddress, CancellationToken cancellationToken)
    {
        if (target.Existing is not null)
            return target.Existing;
        var by = string.IsNullOrWhiteSpace(confirmedBy) ? target.RecipientEmail : confirmedBy.Trim();
        if (by.Length > 200)
            by = by[..200];
        var ack = new Acknowledgement(target.OutboxId, target.IncidentId, target.RecipientEmail, by, time.GetUtcNow(), clientAddress);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Sql.Command(connection, null, """
            INSERT OR IGNORE INTO notification_acks (outbox_id, incident_id, recipient_email, confirmed_by, confirmed_at, client_address)
            VALUES ($outbox, $incident, $email, $by, $at, $ip);
            """,
            ("$outbox", ack.OutboxId), ("$incident", ack.IncidentId), ("$email", ack.RecipientEmail), ("$by", ack.ConfirmedBy), ("$at", DbTime.Format(ack.ConfirmedAt)), ("$ip", clientAddress));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ack;
    }

    private static bool IsHex(string key) => key.Length is > 0 and <= 64 && key.All(Uri.IsHexDigit);
}
