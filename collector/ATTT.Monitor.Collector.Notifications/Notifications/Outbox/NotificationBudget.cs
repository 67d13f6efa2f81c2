using System.Globalization;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// Writes outbox rows within each recipient's daily cap (<see cref="BudgetOptions.MaxPerRecipientPerDay"/>,
/// days in <see cref="BudgetOptions.TimeZone"/>): a message over the cap becomes a line of that
/// recipient's overflow digest instead, which the watcher sends and which says why. Digests and the
/// reports and personal-data breach notices the rules require are never held back, and drills have their own recipients.
/// </summary>
internal static class NotificationBudget
{
    /// <summary>Writes the messages; returns how many went out as messages of their own (the rest wait in the overflow digest).</summary>
    public static async Task<int> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<OutboxMessage> messages, NotificationsOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var since = DayStart(now, options.Budget.TimeZone);
        var inserted = 0;
        foreach (var m in messages)
        {
            if (Capped(m) && await CountTodayAsync(connection, transaction, m.RecipientEmail, since, cancellationToken).ConfigureAwait(false) >= options.Budget.MaxPerRecipientPerDay)
            {
                await AddOverflowAsync(connection, transaction, m, now, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await OutboxStore.InsertAsync(connection, transaction, m, cancellationToken).ConfigureAwait(false);
            inserted++;
        }

        return inserted;
    }

    /// <summary>Midnight of <paramref name="now"/>'s day in the given zone, as an instant.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static bool Capped(OutboxMessage m) => !m.IsDrill && m.Kind is not (MessageKinds.Digest or MessageKinds.Overflow or MessageKinds.Related or MessageKinds.Report or MessageKinds.PersonalData);

    private static async Task<long> CountTodayAsync(SqliteConnection connection, SqliteTransaction transaction, string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var count = Sql.Command(connection, transaction, """
            SELECT COUNT(*) FROM notification_outbox
            WHERE recipient_email = $email AND created_at >= $since AND is_drill = 0 AND kind NOT IN ('digest', 'overflow', 'related');
            """, ("$email", email), ("$since", DbTime.Format(since)));
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public const string Overflow = "overflow";
    public const string Related = "related";

    /// <summary>Whether the authorities were sent a notice about this PC since <paramref name="since"/>.</summary>
    public static async Task<bool> AuthoritiesToldOfHostSinceAsync(SqliteConnection connection, SqliteTransaction transaction, string unit, string host, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, transaction, """
            SELECT EXISTS (SELECT 1 FROM notification_outbox o JOIN notification_incidents i ON i.incident_id = o.incident_id
                           WHERE o.kind = 'notice' AND o.is_authority = 1 AND o.is_drill = 0 AND o.created_at >= $since AND i.unit = $unit AND i.host = $host);
            """, ("$since", DbTime.Format(since)), ("$unit", unit), ("$host", host));
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>Keeps a message back as a line of its recipient's digest: over the daily cap, or a related incident on a PC already notified.</summary>
    public static async Task AddOverflowAsync(SqliteConnection connection, SqliteTransaction transaction, OutboxMessage m, DateTimeOffset now, CancellationToken cancellationToken, string reason = Overflow)
    {
        var line = $"{VietnameseLabels.Time(now)} - {m.Subject}";
        await using var insert = Sql.Command(connection, transaction, """
            INSERT INTO notification_digest_items (incident_id, unit, line, created_at, recipient_email, recipient_name, is_authority, reason)
            VALUES ($incident, '', $line, $at, $email, $name, $authority, $reason);
            """, ("$incident", m.IncidentId ?? 0), ("$line", line), ("$at", DbTime.Format(now)), ("$email", m.RecipientEmail), ("$name", m.RecipientName),
            ("$authority", m.IsAuthority ? 1 : 0), ("$reason", reason));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
