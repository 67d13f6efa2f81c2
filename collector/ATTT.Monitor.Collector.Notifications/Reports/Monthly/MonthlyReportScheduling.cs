using Quartz;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>Puts the monthly report job and its cron trigger (Vietnam time) on the shared Quartz scheduler at start.</summary>
internal sealed class MonthlyReportScheduling(ISchedulerFactory schedulers, MonthlyReportScheduling.Settings settings, TimeProvider time) : IHostedService
{
    public static readonly TriggerKey TriggerKey = new("monthly-security-report", "notifications");

    public sealed record Settings(string Cron, TimeZoneInfo TimeZone);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var job = JobBuilder.Create<MonthlyReportJob>()
            .WithIdentity(MonthlyReportJob.Key)
            .WithDescription("Báo cáo an toàn thông tin hằng tháng")
            .StoreDurably()
            .Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(TriggerKey)
            .ForJob(job)
            // Quartz would start the trigger, and judge whether it can still fire, by the machine's
            // clock; the collector's clock decides (TriggerBuilder.Create(time) and StartAt).
            .StartAt(time.GetUtcNow())
            .WithSchedule(CronScheduleBuilder.Create(settings.Cron)
                .InTimeZone(settings.TimeZone)
                // A month's report missed while the collector was down is sent late rather than never;
                // the report table keeps it to once per unit and month.
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
