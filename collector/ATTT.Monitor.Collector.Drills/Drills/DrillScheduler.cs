using ATTT.Monitor.Collector.Playbooks;
using Microsoft.Extensions.Options;
using Quartz;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Puts the playbooks' drills and reminders into Quartz's persistent store, and at start compares
/// each schedule with the run history so that a drill whose time passed while the collector was
/// down is recorded as missed (or run late, <c>Drills:MissedPolicy</c>), never silently lost.
/// </summary>
internal sealed class DrillScheduler(
    ISchedulerFactory schedulers,
    PlaybookCatalog catalog,
    DrillRunStore runs,
    DrillRunner runner,
    IOptions<DrillsOptions> options,
    TimeProvider time,
    ILogger<DrillScheduler> logger)
{
    public const string JobGroup = "drills";
    public const string ReminderGroup = "drill-reminders";

    /// <summary>Run once at start, after Quartz started.</summary>
    public async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var interrupted = await runs.MarkInterruptedAsync(cancellationToken).ConfigureAwait(false);
        if (interrupted > 0)
            logger.LogWarning("{Count} buổi diễn tập bị gián đoạn do bộ thu dừng (interrupted drills)", interrupted);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var playbook in catalog.Playbooks)
        {
            if (catalog.ScheduleOf(playbook) is not { } schedule)
                continue;
            scheduled.Add(playbook.Id);
            var late = await CheckMissedAsync(playbook, schedule, cancellationToken).ConfigureAwait(false);
            await ScheduleAsync(scheduler, playbook, schedule, cancellationToken).ConfigureAwait(false);
            await ScheduleRemindersAsync(playbook, cancellationToken).ConfigureAwait(false);
            if (late is { } at)
                await RunLateAsync(playbook, at, cancellationToken).ConfigureAwait(false);
        }

        foreach (var job in await scheduler.QueryJobs(new JobQuery(), cancellationToken).ConfigureAwait(false) is var page ? page.Items : [])
        {
            if (job.Key.Group == JobGroup && !scheduled.Contains(job.Key.Name))
                await scheduler.DeleteJob(job.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every firing of the schedule between the last check and now that has no run is recorded as
    /// missed. A schedule seen for the first time or changed starts from now: its past is not the
    /// commune's fault. Returns the latest missed time when it is to be run late.
    /// </summary>
    private async Task<DateTimeOffset?> CheckMissedAsync(Playbook playbook, DrillSchedule schedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var saved = await runs.GetScheduleAsync(playbook.Id, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? latestMissed = null;
        if (saved is { } s && s.Cron == schedule.Cron && s.TimeZone == schedule.TimeZone)
        {
            var cron = Cron(schedule);
            for (var t = cron.GetNextValidTimeAfter(s.CheckedUntil); t is { } at && at <= now; t = cron.GetNextValidTimeAfter(at))
            {
                var detail = $"bộ thu không chạy lúc {at.ToOffset(cron.TimeZone.GetUtcOffset(at)):yyyy-MM-dd HH:mm} (collector was down)";
                if (await runs.RecordMissedAsync(playbook.Id, catalog.UnitOf(playbook), at, detail, cancellationToken).ConfigureAwait(false))
                {
                    logger.LogWarning("Bỏ lỡ diễn tập {Playbook} lúc {At} (missed drill)", playbook.Id, at);
                    latestMissed = at;
                }
            }
        }

        await runs.SaveScheduleAsync(playbook.Id, schedule.Cron, schedule.TimeZone, now, cancellationToken).ConfigureAwait(false);
        return options.Value.Missed == DrillMissedPolicy.RunLate ? latestMissed : null;
    }

    private async Task RunLateAsync(Playbook playbook, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var runId = await runs.TryStartScheduledAsync(playbook.Id, catalog.UnitOf(playbook), scheduledFor, DrillRunTrigger.Late, cancellationToken).ConfigureAwait(false);
        if (runId is null)
            return;
        // Late drills run in the background so that start-up is not held for the length of a drill.
        _ = Task.Run(() => runner.ExecuteAsync(runId.Value, playbook, CancellationToken.None), CancellationToken.None);
    }

    private async Task ScheduleAsync(IScheduler scheduler, Playbook playbook, DrillSchedule schedule, CancellationToken cancellationToken)
    {
        if (Cron(schedule).GetNextValidTimeAfter(time.GetUtcNow()) is null)
        {
            // A schedule with no future firing (a one-off date that passed) has nothing left to run.
            await scheduler.DeleteJob(new JobKey(playbook.Id, JobGroup), cancellationToken).ConfigureAwait(false);
            return;
        }

        var job = JobBuilder.Create<DrillJob>()
            .WithIdentity(playbook.Id, JobGroup)
            .WithDescription(playbook.Title)
            .UsingJobData(DrillJob.PlaybookKey, playbook.Id)
            .DisallowConcurrentExecution()
            .StoreDurably()
            .Build();
        var triggerKey = new TriggerKey(playbook.Id, JobGroup);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(triggerKey)
            .ForJob(job)
            // Quartz would start the trigger, and judge whether it can still fire, by the machine's
            // clock; the collector's clock decides (TriggerBuilder.Create(time) and StartAt).
            .StartAt(time.GetUtcNow())
            .WithSchedule(CronScheduleBuilder.Create(schedule.Cron)
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone))
                // A firing Quartz could not make in time is not run silently late: the start-up
                // check records it as missed (or runs it late, by policy).
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException) when (Cron(schedule).GetNextValidTimeAfter(time.GetUtcNow()) is null)
        {
            // The last firing passed between the check above and Quartz's own; the missed check covers it.
        }
    }

    /// <summary>Books the reminders of the next drill of <paramref name="playbook"/> (those still in the future).</summary>
    public async Task ScheduleRemindersAsync(Playbook playbook, CancellationToken cancellationToken)
    {
        if (playbook.Drill is null || catalog.ScheduleOf(playbook) is not { } schedule || playbook.Drill.Reminders.Count == 0)
            return;
        var now = time.GetUtcNow();
        if (Cron(schedule).GetNextValidTimeAfter(now) is not { } next)
            return;
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var before in playbook.Drill.Reminders)
        {
            var at = next - before;
            if (at <= now)
                continue;
            var key = new TriggerKey($"{playbook.Id}@{next.ToUnixTimeSeconds()}-{(long)before.TotalSeconds}", ReminderGroup);
            if (await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
                continue;
            var job = JobBuilder.Create<DrillReminderJob>()
                .WithIdentity(key.Name, ReminderGroup)
                .UsingJobData(DrillJob.PlaybookKey, playbook.Id)
                .UsingJobData(DrillReminderJob.DrillAtKey, next.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(key)
                .ForJob(job)
                .StartAt(at)
                // A reminder due while the collector was down is still worth sending late.
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static CronExpression Cron(DrillSchedule schedule) =>
        CronExpression.Parse(schedule.Cron).WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));
}
