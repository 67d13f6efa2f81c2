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
/// reports the rules require are never held back, and drills have their own recipients.
/// </summary>
public static class NotificationBudget
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

    private static bool Capped(OutboxMessage m) => !m.IsDrill && m.Kind is not (MessageKinds.Digest or MessageKinds.Overflow or MessageKinds.Report);

    private static async Task<long> CountTodayAsync(SqliteConnection connection, SqliteTransaction transaction, string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var count = Sql.Command(connection, transaction, """
            SELECT COUNT(*) FROM notification_outbox
            WHERE recipient_email = $email AND created_at >= $since AND is_drill = 0 AND kind NOT IN ('digest', 'overflow');
            """, ("$email", email), ("$since", DbTime.Format(since)));
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task AddOverflowAsync(SqliteConnection connection, SqliteTransaction transaction, OutboxMessage m, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var line = $"{VietnameseLabels.Time(now)} - {m.Subject}";
        await using var insert = Sql.Command(connection, transaction, """
            INSERT INTO notification_digest_items (incident_id, unit, line, created_at, recipient_email, recipient_name, is_authority)
            VALUES ($incident, '', $line, $at, $email, $name, $authority);
            """, ("$incident", m.IncidentId ?? 0), ("$line", line), ("$at", DbTime.Format(now)), ("$email", m.RecipientEmail), ("$name", m.RecipientName),
            ("$authority", m.IsAuthority ? 1 : 0));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
