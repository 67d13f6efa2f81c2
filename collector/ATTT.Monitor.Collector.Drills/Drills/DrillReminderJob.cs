using Quartz;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// The Quartz job that reminds a drill's participants before it. The notification outbox is not
/// in this build yet, so each reminder is recorded per participant in <c>drill_reminders</c>,
/// which the outbox will send from once it exists.
/// </summary>
internal sealed class DrillReminderJob(PlaybookCatalog catalog, DrillRunStore runs, ILogger<DrillReminderJob> logger) : IJob
{
    public const string DrillAtKey = "drill_at";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var map = context.MergedJobDataMap;
        var playbook = map.TryGetValue(DrillJob.PlaybookKey, out var p) && p is not null ? catalog.Find(p.ToString()!) : null;
        if (playbook?.Drill is null || !map.TryGetValue(DrillAtKey, out var at) || at is null)
            return;
        var drillAt = DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(at, System.Globalization.CultureInfo.InvariantCulture));
        var remindAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        foreach (var participant in playbook.Drill.Participants)
            await runs.RecordReminderAsync(playbook.Id, drillAt, remindAt, participant.Email, cancellationToken).ConfigureAwait(false);
        var (id, count) = (playbook.Id, playbook.Drill.Participants.Count);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Nhắc lịch diễn tập {Playbook} lúc {DrillAt} cho {Count} người tham gia", id, drillAt, count);
    }
}
