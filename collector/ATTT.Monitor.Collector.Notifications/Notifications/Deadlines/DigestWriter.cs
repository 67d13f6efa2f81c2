using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>
/// Writes the digests once their oldest item is <see cref="DigestOptions.Interval"/> old: one per unit
/// with its low and medium incidents, to the routed recipients who are not authorities (the IT
/// officer); one per recipient with the messages over that recipient's daily cap, saying so; and one
/// per authority with the serious incidents on PCs it already had a notice about (related incidents).
/// </summary>
internal sealed class DigestWriter(NotificationComposer composer)
{
    public async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, NotificationsOptions opts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        await using (var select = Sql.Command(connection, transaction,
            "SELECT id, incident_id, unit, line, created_at, recipient_email, recipient_name, is_authority, reason FROM notification_digest_items WHERE digested_at IS NULL ORDER BY id;"))
        {
            await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                items.Add(new Item(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), DbTime.Read(r, 4), Sql.StringOrNull(r, 5), Sql.StringOrNull(r, 6) ?? "", r.GetInt64(7) != 0, r.GetString(8)));
        }

        bool Due(IEnumerable<Item> group) => now - group.Min(i => i.Created) >= opts.Digest.Interval;
        foreach (var unit in items.Where(i => i.Email is null).GroupBy(i => i.Unit).Where(Due))
            await UnitDigestAsync(connection, transaction, unit.Key, [.. unit], opts, now, cancellationToken).ConfigureAwait(false);
        foreach (var recipient in items.Where(i => i.Email is not null).GroupBy(i => (i.Email!.ToUpperInvariant(), i.Reason)).Where(Due))
            await OverflowAsync(connection, transaction, [.. recipient], opts, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task UnitDigestAsync(SqliteConnection connection, SqliteTransaction transaction, string unit, List<Item> items, NotificationsOptions opts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = new Dictionary<string, Recipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (await NotificationIncidentStore.GetAsync(connection, transaction, item.Incident, cancellationToken).ConfigureAwait(false) is not { } incident)
                continue;
            foreach (var r in NotificationRouter.Route(incident, opts).Where(r => !r.IsAuthority))
                recipients.TryAdd(r.Email, r with { IsTo = true });
        }

        var extra = Values(items, now);
        extra["unit"] = ATTT.Monitor.Collector.Access.UnitNames.Vietnamese(unit);
        var messages = composer.Compose(MessageKinds.Digest, null, [.. recipients.Values], extra, isDrill: false, IncidentSeverity.Low);
        foreach (var m in messages)
            await OutboxStore.InsertAsync(connection, transaction, m, cancellationToken).ConfigureAwait(false);
        await MarkAsync(connection, transaction, items, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task OverflowAsync(SqliteConnection connection, SqliteTransaction transaction, List<Item> items, NotificationsOptions opts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = items[0];
        var recipient = new Recipient(null, first.Name, first.Email!, IsTo: true, first.IsAuthority);
        var extra = Values(items, now);
        extra["limit"] = opts.Budget.MaxPerRecipientPerDay.ToString(CultureInfo.InvariantCulture);
        string? messageId = null;
        var kind = first.Reason == NotificationBudget.Related ? MessageKinds.Related : MessageKinds.Overflow;
        foreach (var m in composer.Compose(kind, null, [recipient], extra, isDrill: false, IncidentSeverity.Low))
        {
            await OutboxStore.InsertAsync(connection, transaction, m, cancellationToken).ConfigureAwait(false);
            messageId = m.MessageId;
        }

        // Which incidents the digest carries: once it reaches an authority, their "notify" clocks are met.
        await MarkAsync(connection, transaction, items, now, cancellationToken, messageId).ConfigureAwait(false);
    }

    private static Dictionary<string, string> Values(List<Item> items, DateTimeOffset now) => new()
    {
        ["count"] = items.Count.ToString(CultureInfo.InvariantCulture),
        ["from"] = VietnameseLabels.Time(items.Min(i => i.Created)),
        ["to"] = VietnameseLabels.Time(now),
        ["items"] = string.Join("\n", items.Select(i => "- " + i.Line)),
    };

    private static async Task MarkAsync(SqliteConnection connection, SqliteTransaction transaction, List<Item> items, DateTimeOffset now, CancellationToken cancellationToken, string? messageId = null)
    {
        foreach (var item in items)
        {
            await using var mark = Sql.Command(connection, transaction, "UPDATE notification_digest_items SET digested_at = $now, message_id = $mid WHERE id = $id;",
                ("$now", DbTime.Format(now)), ("$mid", messageId), ("$id", item.Id));
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Item(long Id, long Incident, string Unit, string Line, DateTimeOffset Created, string? Email, string Name, bool IsAuthority, string Reason);
}
