using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Templates;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// The incident manager calls this inside the transaction that changes an incident: it decides who
/// is told and writes outbox rows (and deadline clocks) in that same transaction, so a notice exists
/// exactly when the change does. It never sends. Repeated detections (Updated) never mail; low
/// severity goes to the digest; drills go only to the drill recipients.
/// </summary>
public sealed class OutboxWriter(NotificationComposer composer, IOptionsMonitor<NotificationsOptions> options, TimeProvider time) : IIncidentTransactionHook
{
    public async Task OnIncidentChangedAsync(IncidentChange change, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var opts = options.CurrentValue;
        var now = time.GetUtcNow();
        var incident = IncidentSnapshot.From(change);
        var notified = await IncidentSnapshotStore.UpsertAsync(connection, transaction, incident, change.At, cancellationToken).ConfigureAwait(false);
        var digestOnly = !incident.IsDrill && incident.Severity <= opts.Digest.MaxSeverity;
        var deadlines = incident.IsDrill ? [] : DeadlinePolicy.For(incident.Category, incident.Severity, opts);

        switch (change.Kind)
        {
            case IncidentChangeKind.Opened:
            case IncidentChangeKind.SeverityRaised when !notified:
                await DeadlineStore.PlanAsync(connection, transaction, incident.IncidentId, deadlines, incident.FirstSeen, cancellationToken).ConfigureAwait(false);
                if (digestOnly)
                {
                    if (change.Kind == IncidentChangeKind.Opened)
                        await AddDigestItemAsync(connection, transaction, incident, now, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var extra = new Dictionary<string, string> { ["deadlines"] = DeadlineLines(deadlines, incident.FirstSeen, now) };
                if (await EnqueueAsync(connection, transaction, MessageKinds.Notice, incident, extra, opts, cancellationToken).ConfigureAwait(false))
                    await IncidentSnapshotStore.MarkNotifiedAsync(connection, transaction, incident.IncidentId, cancellationToken).ConfigureAwait(false);
                return;

            case IncidentChangeKind.SeverityRaised:
                await DeadlineStore.PlanAsync(connection, transaction, incident.IncidentId, deadlines, incident.FirstSeen, cancellationToken).ConfigureAwait(false);
                await EnqueueAsync(connection, transaction, MessageKinds.Update, incident,
                    new Dictionary<string, string> { ["change"] = $"mức độ tăng lên {VietnameseLabels.Severity(incident.Severity)}" }, opts, cancellationToken).ConfigureAwait(false);
                return;

            case IncidentChangeKind.StateChanged when incident.State is IncidentState.Resolved or IncidentState.Closed or IncidentState.FalsePositive:
                if (incident.State != IncidentState.FalsePositive && !incident.IsDrill && incident.Severity >= DeadlinePolicy.ClosingReport.MinSeverity)
                    await DeadlineStore.PlanAsync(connection, transaction, incident.IncidentId, [DeadlinePolicy.ClosingReport], change.At, cancellationToken).ConfigureAwait(false);
                if (notified)
                {
                    await EnqueueAsync(connection, transaction, MessageKinds.Update, incident,
                        new Dictionary<string, string> { ["change"] = $"trạng thái chuyển sang {VietnameseLabels.State(incident.State)}" }, opts, cancellationToken).ConfigureAwait(false);
                }

                return;

            default:
                // Updated (a repeated detection), Assigned, Commented: the dashboard shows them; no mail (no storms).
                return;
        }
    }

    private async Task<bool> EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, string kind, IncidentSnapshot incident, Dictionary<string, string> extra, NotificationsOptions opts, CancellationToken cancellationToken)
    {
        var recipients = NotificationRouter.Route(incident, opts);
        var messages = composer.Compose(kind, incident, recipients, extra, incident.IsDrill, incident.Severity);
        foreach (var message in messages)
            await OutboxStore.InsertAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
        return messages.Count > 0;
    }

    private static async Task AddDigestItemAsync(SqliteConnection connection, SqliteTransaction transaction, IncidentSnapshot i, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"#{i.IncidentId} {VietnameseLabels.Time(i.FirstSeen)} - {i.Title} - máy {i.Host} - {VietnameseLabels.Category(i.Category)}");
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO notification_digest_items (incident_id, unit, line, created_at) VALUES ($id, $unit, $line, $at);",
            ("$id", i.IncidentId), ("$unit", i.Unit), ("$line", line), ("$at", DbTime.Format(now)));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string DeadlineLines(IReadOnlyList<DeadlineOptions> deadlines, DateTimeOffset from, DateTimeOffset now)
    {
        if (deadlines.Count == 0)
            return "- (không có)";
        var sb = new StringBuilder();
        foreach (var d in deadlines)
            sb.Append("- ").Append(d.Title).Append(": hạn ").Append(VietnameseLabels.Time(from + d.Within)).Append(" (").Append(VietnameseLabels.Duration(from + d.Within - now)).Append(")\n");
        return sb.ToString().TrimEnd('\n');
    }
}
