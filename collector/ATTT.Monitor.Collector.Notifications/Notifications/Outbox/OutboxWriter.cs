using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// The notifications area's reader of the incident journal. For each change it keeps the clocks
/// (from detection; stopped by a false positive; a resolved incident owes only its closing report)
/// and decides who is told, writing outbox rows in the reader's own transaction, outside detection's.
/// The budget: one notice per incident, authorities only from high severity; low and medium reach the
/// IT officer in the digest; changes to a notified incident are batched; repeated detections never
/// mail; drills go only to the drill recipients. It never sends: <c>OutboxSender</c> does.
/// </summary>
internal sealed class OutboxWriter(NotificationComposer composer, IOptionsMonitor<NotificationsOptions> options, TimeProvider time) : IIncidentJournalConsumer
{
    public const string ReaderName = "notifications";

    public string Name => ReaderName;

    public async Task HandleAsync(IncidentJournalEntry entry, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var change = entry.Change;
        var opts = options.CurrentValue;
        var now = time.GetUtcNow();
        var incident = change.Incident;
        var notified = await NotificationIncidentStore.UpsertAsync(connection, transaction, incident, NotificationIncidentStore.IsBackfill(incident, opts), change.At, cancellationToken).ConfigureAwait(false);
        if (!incident.IsDrill)
            await KeepClocksAsync(change, incident, opts, connection, transaction, cancellationToken).ConfigureAwait(false);

        var digestOnly = !incident.IsDrill && incident.Severity <= opts.Digest.MaxSeverity;
        switch (change.Kind)
        {
            case IncidentChangeKind.Opened:
            case IncidentChangeKind.SeverityRaised when !notified:
                if (digestOnly)
                {
                    if (change.Kind == IncidentChangeKind.Opened)
                        await AddDigestItemAsync(connection, transaction, incident, now, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var deadlines = await DeadlineLinesAsync(connection, transaction, incident.Id, now, cancellationToken).ConfigureAwait(false);
                var recipients = NotificationRouter.Route(incident, opts);
                var messages = composer.Compose(MessageKinds.Notice, incident, recipients, new Dictionary<string, string> { ["deadlines"] = deadlines }, incident.IsDrill, incident.Severity);
                if (!incident.IsDrill && messages.Any(m => m.IsAuthority)
                    && await NotificationBudget.AuthoritiesToldOfHostSinceAsync(connection, transaction, incident.Unit, incident.Host, now - opts.Budget.AuthorityHostWindow, cancellationToken).ConfigureAwait(false))
                {
                    // The authorities already have a notice about this PC: this incident reaches them in the follow-up.
                    foreach (var held in messages.Where(m => m.IsAuthority))
                        await NotificationBudget.AddOverflowAsync(connection, transaction, held, now, cancellationToken, NotificationBudget.Related).ConfigureAwait(false);
                    messages = [.. messages.Where(m => !m.IsAuthority)];
                }

                await NotificationBudget.InsertAsync(connection, transaction, messages, opts, now, cancellationToken).ConfigureAwait(false);
                if (recipients.Count > 0)
                    await NotificationIncidentStore.MarkNotifiedAsync(connection, transaction, incident.Id, cancellationToken).ConfigureAwait(false);
                return;

            case IncidentChangeKind.SeverityRaised when notified:
                await UpdateBatch.AddAsync(connection, transaction, incident.Id, $"mức độ tăng lên {VietnameseLabels.Severity(incident.Severity)}", now, cancellationToken).ConfigureAwait(false);
                return;

            case IncidentChangeKind.StateChanged when notified:
                await UpdateBatch.AddAsync(connection, transaction, incident.Id, $"trạng thái chuyển sang {VietnameseLabels.State(incident.State)}", now, cancellationToken).ConfigureAwait(false);
                return;

            case IncidentChangeKind.PersonalDataBreachKnown:
                await PersonalDataBreachAsync(change, incident, opts, now, connection, transaction, cancellationToken).ConfigureAwait(false);
                return;

            default:
                // Updated (a repeated detection), Assigned, Commented: the dashboard shows them; no mail (no storms).
                return;
        }
    }

    /// <summary>
    /// Clocks start when the collector found the incident (the change's time for a severity rise or a
    /// category that becomes a personal-data breach), never at the events' own time, so a backlog is not
    /// born overdue. The "notify the authorities" clock exists only when the authorities are told.
    /// </summary>
    private static async Task KeepClocksAsync(IncidentChange change, Incident incident, NotificationsOptions opts, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (incident.IsOpen)
        {
            if (change.Kind == IncidentChangeKind.StateChanged)
            {
                // Reopened: what resolution or a false positive stopped is owed again; the closing report waits for the next resolution.
                await DeadlineStore.ResumeAsync(connection, transaction, incident.Id, cancellationToken).ConfigureAwait(false);
                await DeadlineStore.StopOneAsync(connection, transaction, incident.Id, DeadlinePolicy.ClosingReportKey, DeadlineStore.StoppedReopened, change.At, cancellationToken).ConfigureAwait(false);
            }

            var authorities = NotificationRouter.TellsAuthorities(incident, opts) && NotificationRouter.Route(incident, opts).Any(r => r.IsAuthority);
            var due = DeadlinePolicy.For(incident.Category, incident.Severity, opts).Where(d => authorities || d.MetBy != MessageKinds.Notice);
            await DeadlineStore.PlanAsync(connection, transaction, incident.Id, due, change.At, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (change.Kind != IncidentChangeKind.StateChanged)
            return;
        if (incident.State == IncidentState.FalsePositive)
        {
            await DeadlineStore.StopAsync(connection, transaction, incident.Id, DeadlineStore.StoppedFalsePositive, null, change.At, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Resolved or closed: the response has ended; what remains owed is the closing report.
        await DeadlineStore.StopAsync(connection, transaction, incident.Id, DeadlineStore.StoppedResolved, DeadlinePolicy.ClosingReportKey, change.At, cancellationToken).ConfigureAwait(false);
        if (incident.Severity >= DeadlinePolicy.ClosingReport.MinSeverity && !await HasClockAsync(connection, transaction, incident.Id, DeadlinePolicy.ClosingReportKey, cancellationToken).ConfigureAwait(false))
            await DeadlineStore.RestartAsync(connection, transaction, incident.Id, DeadlinePolicy.ClosingReport, change.At, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The breach became known at the change's time: the data-protection clock starts there (not at
    /// detection nor at the first event; planned once, so a later change never moves it), and the
    /// routes for <c>data_breach</c> get the breach notice with what data it concerns.
    /// </summary>
    private async Task PersonalDataBreachAsync(IncidentChange change, Incident incident, NotificationsOptions opts, DateTimeOffset now, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (incident.State == IncidentState.FalsePositive)
            return;
        if (!incident.IsDrill)
            await DeadlineStore.PlanAsync(connection, transaction, incident.Id, DeadlinePolicy.ForPersonalData(opts), change.At, cancellationToken).ConfigureAwait(false);
        var recipients = NotificationRouter.PersonalDataRoute(incident, opts);
        if (recipients.Count == 0)
            return;
        var extra = new Dictionary<string, string>
        {
            ["deadlines"] = await DeadlineLinesAsync(connection, transaction, incident.Id, now, cancellationToken).ConfigureAwait(false),
            ["known_at"] = VietnameseLabels.Time(change.At),
            ["known_by"] = change.Actor ?? "",
            ["personal_data"] = change.Note ?? "",
        };
        var messages = composer.Compose(MessageKinds.PersonalData, incident, recipients, extra, incident.IsDrill, incident.Severity);
        await NotificationBudget.InsertAsync(connection, transaction, messages, opts, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A running (or met) closing-report clock; one stopped by a reopening does not count, so the next resolution starts it again.</summary>
    private static async Task<bool> HasClockAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, string key, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, transaction,
            "SELECT COUNT(*) FROM notification_deadlines WHERE incident_id = $id AND key = $key AND (met_at IS NOT NULL OR stopped_at IS NULL);", ("$id", incidentId), ("$key", key));
        return Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task AddDigestItemAsync(SqliteConnection connection, SqliteTransaction transaction, Incident i, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"#{i.Id} {VietnameseLabels.Time(i.FirstSeen)} - {i.Title} - máy {i.Host} - {VietnameseLabels.Severity(i.Severity)} - {VietnameseLabels.Category(i.Category)}");
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO notification_digest_items (incident_id, unit, line, created_at) VALUES ($id, $unit, $line, $at);",
            ("$id", i.Id), ("$unit", i.Unit), ("$line", line), ("$at", DbTime.Format(now)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The incident's running clocks as the notice lists them.</summary>
    private static async Task<string> DeadlineLinesAsync(SqliteConnection connection, SqliteTransaction transaction, long incidentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, transaction,
            "SELECT title, due_at FROM notification_deadlines WHERE incident_id = $id AND met_at IS NULL AND stopped_at IS NULL ORDER BY due_at, key;", ("$id", incidentId));
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var sb = new StringBuilder();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var due = DbTime.Read(r, 1);
            sb.Append("- ").Append(r.GetString(0)).Append(": hạn ").Append(VietnameseLabels.Time(due)).Append(" (").Append(VietnameseLabels.Duration(due - now)).Append(")\n");
        }

        return sb.Length == 0 ? "- (không có)" : sb.ToString().TrimEnd('\n');
    }
}
