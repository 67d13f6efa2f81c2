using Quartz;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>The Quartz job that sends last month's report of every unit. Re-firing it is harmless.</summary>
[DisallowConcurrentExecution]
internal sealed class MonthlyReportJob(MonthlyReportService reports) : IJob
{
    public static readonly JobKey Key = new("monthly-security-report", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reports.RunForPreviousMonthAsync(cancellationToken).ConfigureAwait(false);
}
