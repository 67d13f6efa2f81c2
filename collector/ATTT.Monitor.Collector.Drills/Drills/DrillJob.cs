using Quartz;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>The Quartz job of a scheduled drill: records the run for its scheduled time, runs it, then books the next reminders.</summary>
internal sealed class DrillJob(PlaybookCatalog catalog, DrillRunStore runs, DrillRunner runner, DrillScheduler scheduler, ILogger<DrillJob> logger) : IJob
{
    public const string PlaybookKey = "playbook";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var playbookId = context.MergedJobDataMap.TryGetValue(PlaybookKey, out var value) ? value?.ToString() : null;
        var playbook = playbookId is null ? null : catalog.Find(playbookId);
        if (playbook is null)
        {
            logger.LogWarning("Diễn tập theo lịch cho kịch bản {Playbook} không còn tồn tại (scheduled drill for a playbook that is gone)", playbookId);
            return;
        }

        var scheduledFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var runId = await runs.TryStartScheduledAsync(playbook.Id, catalog.UnitOf(playbook), scheduledFor, DrillRunTrigger.Schedule, cancellationToken).ConfigureAwait(false);
        if (runId is null)
        {
            var id = playbook.Id;
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Diễn tập {Playbook} lúc {At} đã được ghi nhận trước đó; không chạy lại", id, scheduledFor);
            return;
        }

        await runner.ExecuteAsync(runId.Value, playbook, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleRemindersAsync(playbook, cancellationToken).ConfigureAwait(false);
    }
}
