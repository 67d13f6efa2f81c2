using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Deadlines;

/// <summary>
/// Watches the clocks: a reminder before each reporting deadline, an escalation when one passes,
/// a re-send and escalation for a critical notice nobody confirmed, the batched updates, and the
/// digests (low and medium incidents; messages over a recipient's daily cap).
/// Everything it decides is written to the outbox in one transaction per pass; the sender sends.
/// Time comes from <see cref="TimeProvider"/> so tests move the clock by hand.
/// </summary>
internal sealed class NotificationWatcher(
    EmbeddedDatabase database,
    NotificationComposer composer,
    IOptionsMonitor<NotificationsOptions> options,
    TimeProvider time,
    ILogger<NotificationWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Notification watcher pass failed; trying again after the interval.");
            }

            await Task.Delay(options.CurrentValue.WatchInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var opts = options.CurrentValue;
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await DeadlinesAsync(connection, transaction, opts, now, cancellationToken).ConfigureAwait(false);
        await UnconfirmedCriticalAsync(connection, transaction, opts, now, cancellationToken).ConfigureAwait(false);
        await UpdatesAsync(connection, transaction, opts, now, cancellationToken).ConfigureAwait(false);
        await new DigestWriter(composer).WriteAsync(connection, transaction, opts, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DeadlinesAsync(SqliteConnection connection, SqliteTransaction transaction, NotificationsOptions opts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = new List<(long Id, long Incident, string Title, DateTimeOffset Due, bool Reminded, bool Escalated)>();
        await using (var select = Sql.Command(connection, transaction, """
            SELECT d.id, d.incident_id, d.title, d.due_at, d.reminded_at IS NOT NULL, d.escalated_at IS NOT NULL
            FROM notification_deadlines d JOIN notification_incidents i ON i.incident_id = d.incident_id
            WHERE d.met_at IS NULL AND d.stopped_at IS NULL AND d.escalated_at IS NULL AND i.state <> 'FalsePositive' AND d.due_at <= $horizon;
            """, ("$horizon", DbTime.Format(now + opts.ReminderBefore))))
        {
            await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                open.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2), DbTime.Read(r, 3), r.GetInt64(4) != 0, r.GetInt64(5) != 0));
        }

        foreach (var d in open)
        {
            var incident = await NotificationIncidentStore.GetAsync(connection, transaction, d.Incident, cancellationToken).ConfigureAwait(false);
            if (incident is null)
                continue;
            var overdue = now >= d.Due;
            if (!overdue && d.Reminded)
                continue;
            var extra = new Dictionary<string, string>
            {
                ["deadline_title"] = d.Title,
                ["due_at"] = VietnameseLabels.Time(d.Due),
                ["time_left"] = VietnameseLabels.Duration(d.Due - now),
                ["reason"] = $"Đã quá hạn: {d.Title} (hạn {VietnameseLabels.Time(d.Due)}).",
            };
            var kind = overdue ? MessageKinds.Escalation : MessageKinds.Reminder;
            var recipients = overdue ? EscalationRecipients(incident, opts) : InternalRecipients(incident, opts);
            await NotificationBudget.InsertAsync(connection, transaction, composer.Compose(kind, incident, recipients, extra, incident.IsDrill, incident.Severity), opts, now, cancellationToken).ConfigureAwait(false);
            var column = overdue ? "escalated_at" : "reminded_at";
            await using var update = Sql.Command(connection, transaction, $"UPDATE notification_deadlines SET {column} = $now WHERE id = $id;", ("$now", DbTime.Format(now)), ("$id", d.Id));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task UnconfirmedCriticalAsync(SqliteConnection connection, SqliteTransaction transaction, NotificationsOptions opts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unconfirmed = new List<(long Id, long Incident, string? ContactId, string Email, string Name, bool Authority)>();
        await using (var select = Sql.Command(connection, transaction, """
            SELECT o.id, o.incident_id, o.contact_id, o.recipient_email, o.recipient_name, o.is_authority FROM notification_outbox o
            WHERE o.kind = 'notice' AND o.severity >= $critical AND o.status = 'sent' AND o.resent_at IS NULL AND o.incident_id IS NOT NULL
              AND o.sent_at <= $cutoff AND NOT EXISTS (SELECT 1 FROM notification_acks a WHERE a.outbox_id = o.id);
            """, ("$critical", (int)IncidentSeverity.Critical), ("$cutoff", DbTime.Format(now - opts.Acknowledgement.CriticalTimeout))))
        {
            await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                unconfirmed.Add((r.GetInt64(0), r.GetInt64(1), Sql.StringOrNull(r, 2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0));
        }

        foreach (var group in unconfirmed.GroupBy(u => u.Incident))
        {
            var incident = await NotificationIncidentStore.GetAsync(connection, transaction, group.Key, cancellationToken).ConfigureAwait(false);
            if (incident is null)
                continue;
            var resend = group.Select(u => new Recipient(u.ContactId, u.Name, u.Email, IsTo: true, u.Authority)).ToList();
            var extra = new Dictionary<string, string> { ["deadlines"] = "- (gửi lại vì chưa có xác nhận đã nhận)" };
            var again = composer.Compose(MessageKinds.Notice, incident, resend, extra, incident.IsDrill, incident.Severity)
                .Select(m => m with { Subject = m.Subject.Replace(NotificationComposer.AuthorityPrefix, $"{NotificationComposer.AuthorityPrefix} [GỬI LẠI]", StringComparison.Ordinal) })
                .ToList();
            await NotificationBudget.InsertAsync(connection, transaction, again, opts, now, cancellationToken).ConfigureAwait(false);
            var names = string.Join(", ", group.Select(u => u.Email));
            var escalation = new Dictionary<string, string>
            {
                ["reason"] = string.Create(CultureInfo.InvariantCulture, $"Thông báo sự cố nghiêm trọng chưa được xác nhận sau {opts.Acknowledgement.CriticalTimeout.TotalMinutes:0} phút: {names}. Đã gửi lại."),
            };
            await NotificationBudget.InsertAsync(connection, transaction, composer.Compose(MessageKinds.Escalation, incident, EscalationRecipients(incident, opts), escalation, incident.IsDrill, incident.Severity), opts, now, cancellationToken).ConfigureAwait(false);
            foreach (var u in group)
            {
                await using var mark = Sql.Command(connection, transaction, "UPDATE notification_outbox SET resent_at = $now WHERE id = $id;", ("$now", DbTime.Format(now)), ("$id", u.Id));
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Changes to notified incidents, one update per incident and <see cref="BudgetOptions.UpdateBatchInterval"/>,
    /// to the people who act on it (never the authorities: they have their notice and the reports).
    /// </summary>
    private async Task UpdatesAsync(SqliteConnection connection, SqliteTransaction transaction, NotificationsOptions opts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (incidentId, items) in await UpdateBatch.DueAsync(connection, transaction, now, opts.Budget.UpdateBatchInterval, cancellationToken).ConfigureAwait(false))
        {
            var incident = await NotificationIncidentStore.GetAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false);
            if (incident is not null)
            {
                var recipients = incident.IsDrill ? NotificationRouter.DrillRecipients(opts) : InternalRecipients(incident, opts);
                var extra = new Dictionary<string, string> { ["change"] = string.Join("; ", items.Select(i => i.Line).Distinct(StringComparer.Ordinal)) };
                await NotificationBudget.InsertAsync(connection, transaction, composer.Compose(MessageKinds.Update, incident, recipients, extra, incident.IsDrill, incident.Severity), opts, now, cancellationToken).ConfigureAwait(false);
            }

            await UpdateBatch.MarkSentAsync(connection, transaction, items.Select(i => i.Id), now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The people who must act (commune, IT officer): the incident's recipients that are not authorities.</summary>
    internal static IReadOnlyList<Recipient> InternalRecipients(Incident incident, NotificationsOptions opts)
    {
        var routed = NotificationRouter.Route(incident, opts).Where(r => !r.IsAuthority).Select(r => r with { IsTo = true }).ToList();
        return routed.Count > 0 ? routed : NotificationRouter.Contacts(opts.EscalationContacts, opts);
    }

    private static IReadOnlyList<Recipient> EscalationRecipients(Incident incident, NotificationsOptions opts) =>
        incident.IsDrill
            ? NotificationRouter.DrillRecipients(opts)
            : [.. NotificationRouter.Contacts(opts.EscalationContacts, opts).Concat(InternalRecipients(incident, opts)).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
}
