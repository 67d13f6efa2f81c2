using ATTT.Monitor.Collector.Notifications.Queries;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Builds the after-action report of a run from what was measured: the drill's own measurements
/// (inject, incident opened, dashboard acknowledgement), the notification area's record of the
/// drill notices (sent, acknowledged by the recipient), step sign-offs and lessons.
/// </summary>
public sealed class DrillReportBuilder(PlaybookCatalog catalog, DrillRunStore runs, DrillMeasurements measurements, DrillSignOffs signOffs, INotificationQueries notices)
{
    public async Task<DrillReport?> BuildAsync(long runId, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false) is not { } run)
            return null;
        var playbook = catalog.Find(run.PlaybookId);
        var measured = new Dictionary<string, DateTimeOffset>(await measurements.GetAsync(runId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var incidents = await signOffs.IncidentsOfRunAsync(runId, cancellationToken).ConfigureAwait(false);
        await AddNotificationTimesAsync(measured, incidents, cancellationToken).ConfigureAwait(false);
        var start = measured.TryGetValue(DrillLink.Injected, out var s) ? s : (DateTimeOffset?)null;
        var targets = playbook?.Drill?.Targets;
        var measures = new List<DrillMeasure>
        {
            Measure(DrillLink.Detected, "Thời gian phát hiện (luật cảnh báo kích hoạt)", targets?.Detect),
            Measure(DrillLink.IncidentOpened, "Thời gian mở sự cố", targets?.OpenIncident),
            Measure(DrillLink.NotificationSent, "Thời gian gửi thông báo", targets?.Notify),
            Measure(DrillLink.Acknowledged, "Thời gian người nhận xác nhận", targets?.Acknowledge),
            Measure(DrillLink.DashboardAcknowledged, "Thời gian cán bộ CNTT tiếp nhận trên bảng điều khiển", targets?.DashboardAcknowledge),
        };

        var signed = await signOffs.GetAsync(runId, null, null, cancellationToken).ConfigureAwait(false);
        var steps = (playbook?.Steps ?? []).Select(step => signed.TryGetValue(step.Id, out var x)
            ? new DrillStepResult(step.Number, step.Id, step.Role, step.Action, step.Deadline, x.By, x.At, start is { } st ? x.At - st : null, x.Note)
            : new DrillStepResult(step.Number, step.Id, step.Role, step.Action, step.Deadline, null, null, null, null)).ToList();
        var lessons = await signOffs.GetLessonsAsync(runId, cancellationToken).ConfigureAwait(false);
        return new DrillReport(run, playbook?.Title ?? run.PlaybookId, start, measures, steps, incidents, lessons?.Text, lessons?.By);

        DrillMeasure Measure(string link, string label, TimeSpan? target) =>
            measured.TryGetValue(link, out var at)
                ? new DrillMeasure(link, label, target, at, start is { } st ? at - st : null)
                : new DrillMeasure(link, label, target, null, null);
    }

    private async Task AddNotificationTimesAsync(Dictionary<string, DateTimeOffset> measured, IReadOnlyList<long> incidents, CancellationToken cancellationToken)
    {
        foreach (var incident in incidents)
        {
            foreach (var notice in await notices.GetNoticesAsync(incident, cancellationToken).ConfigureAwait(false))
            {
                if (!notice.IsDrill)
                    continue;
                Earliest(DrillLink.NotificationSent, notice.SentAt);
                Earliest(DrillLink.Acknowledged, notice.AcknowledgedAt);
            }
        }

        void Earliest(string link, DateTimeOffset? at)
        {
            if (at is { } t && (!measured.TryGetValue(link, out var known) || t < known))
                measured[link] = t;
        }
    }
}
