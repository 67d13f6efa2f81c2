using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Notifications.Sending;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Reports.Monthly;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace ATTT.Monitor.Collector.Notifications;

/// <summary>Registers the notifications area: outbox hook, sender, deadline clocks, acknowledgement links, reports.</summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationsOptions>().Bind(configuration.GetSection(NotificationsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationsOptions>, SenderOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V1);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V2);
        services.AddSingleton(sp => new AckKeyFile(Path.Combine(sp.GetRequiredService<DataDirectoryOptions>().Path, "notification-ack.key")));
        services.AddSingleton<AckTokenService>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<MailTransportSelector>();
        services.AddSingleton<IIncidentTransactionHook, OutboxWriter>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<NotificationWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWatcher>());
        services.AddSingleton<IDeadlineClock, DeadlineClock>();
        services.AddSingleton<INotificationQueries, NotificationQueries>();
        services.AddSingleton<AckService>();
        services.AddSingleton<AckRateLimiter>();
        services.AddSingleton<IReportService, ReportService>();
        services.AddSingleton<MonthlyReportService>();
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

    public static WebApplication MapNotifications(this WebApplication app)
    {
        AckEndpoints.Map(app);
        return app;
    }
}
