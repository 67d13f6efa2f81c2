using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Playbooks;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Builds the after-action report of a run from what was measured: the drill's own measurements
/// (inject, incident opened, dashboard acknowledgement), the notification area's record of the
/// drill notices (sent, acknowledged by the recipient), step sign-offs and lessons. Each target is
/// judged against the run's own targets: met, late, missed, or still waiting for its deadline. Once
/// detection has read every injected event without a rule firing, the detection target and those that
/// depend on it are missed at once.
/// </summary>
public sealed class DrillReportBuilder(
    PlaybookCatalog catalog, DrillRunStore runs, DrillMeasurements measurements, DrillSignOffs signOffs, INotificationQueries notices, TimeProvider time)
{
    public async Task<DrillReport?> BuildAsync(long runId, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false) is not { } run)
            return null;
        var now = time.GetUtcNow();
        var playbook = catalog.Find(run.PlaybookId);
        var measured = new Dictionary<string, DateTimeOffset>(await measurements.GetAsync(runId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var incidents = await signOffs.IncidentsOfRunAsync(runId, cancellationToken).ConfigureAwait(false);
        await AddNotificationTimesAsync(measured, incidents, cancellationToken).ConfigureAwait(false);
        var start = measured.TryGetValue(DrillLink.Injected, out var s) ? s : (DateTimeOffset?)null;
        var targets = await runs.GetTargetsAsync(runId, cancellationToken).ConfigureAwait(false) ?? playbook?.Drill?.Targets;
        // Nothing fired although detection read every injected event: nothing after it can happen.
        var undetectable = measured.ContainsKey(DrillLink.DetectionSettled) && !measured.ContainsKey(DrillLink.Detected);
        var finished = run.Status is not (DrillRunStatus.Running or DrillRunStatus.Requested);
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

        DrillMeasure Measure(string link, string label, TimeSpan? target)
        {
            var at = measured.TryGetValue(link, out var t) ? t : (DateTimeOffset?)null;
            var elapsed = at is { } a && start is { } st ? a - st : (TimeSpan?)null;
            var deadline = start is { } from && target is { } within ? from + within : (DateTimeOffset?)null;
            var outcome = Judge(target, elapsed, deadline, undetectable, finished, start, now);
            return new DrillMeasure(link, label, target, at, elapsed, outcome, deadline);
        }
    }

    private static DrillOutcome Judge(TimeSpan? target, TimeSpan? elapsed, DateTimeOffset? deadline, bool undetectable, bool finished, DateTimeOffset? start, DateTimeOffset now)
    {
        if (target is not { } within)
            return DrillOutcome.NoTarget;
        if (elapsed is { } e)
            return e <= within ? DrillOutcome.Met : DrillOutcome.Late;
        if (undetectable)
            return DrillOutcome.Missed;
        // A run that ended without sending a single inject (failed, interrupted) can meet nothing.
        if (start is null)
            return finished ? DrillOutcome.Missed : DrillOutcome.Waiting;
        return now >= deadline ? DrillOutcome.Missed : DrillOutcome.Waiting;
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
