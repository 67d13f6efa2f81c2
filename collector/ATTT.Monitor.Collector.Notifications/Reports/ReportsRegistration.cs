using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Reports.Monthly;
using Quartz;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>Registers the reports area: incident reports (Mẫu 03/04) and the monthly security report job.</summary>
public static class ReportsRegistration
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IReportService, ReportService>();
        services.AddSingleton<MonthlyReportService>();
        services.AddSingleton<IMonthlyReports>(provider => provider.GetRequiredService<MonthlyReportService>());
        AddMonthlyReportJob(services, configuration);
        return services;
    }

    /// <summary>
    /// The monthly report job on the collector's one Quartz scheduler: AddQuartz is additive, so the
    /// drills area's store and settings and this job meet in the same scheduler; AddQuartzHostedService
    /// registers its hosted service once however often it is called. The job is scheduled at start
    /// (replacing an earlier copy in a persistent store) by <see cref="MonthlyReportScheduling"/>.
    /// </summary>
    private static void AddMonthlyReportJob(IServiceCollection services, IConfiguration configuration)
    {
        var monthly = configuration.GetSection(NotificationsOptions.SectionName).GetSection("MonthlyReport").Get<MonthlyReportOptions>() ?? new MonthlyReportOptions();
        if (!monthly.Enabled)
            return;
        if (!CronExpression.TryParse(monthly.Cron, out _))
            throw new InvalidOperationException($"Notifications:MonthlyReport:Cron '{monthly.Cron}' is not a valid Quartz cron expression.");
        services.AddTransient<MonthlyReportJob>();
        services.AddQuartz(_ => { });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = false);
        services.AddSingleton(new MonthlyReportScheduling.Settings(monthly.Cron, VietnamTimeZone()));
        services.AddHostedService<MonthlyReportScheduling>();
    }

    /// <summary>Vietnam's zone by its IANA or Windows id, so a persistent Quartz store can reload it; UTC+7 has no DST.</summary>
    public static TimeZoneInfo VietnamTimeZone()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
                return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
