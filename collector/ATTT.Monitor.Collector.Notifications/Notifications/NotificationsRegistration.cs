using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Notifications.Sending;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications;

/// <summary>Registers the notifications area: its incident journal reader, template checks, sender, deadline clocks, acknowledgement links.</summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationsOptions>().Bind(configuration.GetSection(NotificationsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationsOptions>, SenderOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V1);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V2);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V3);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V4);
        services.AddSingleton<ISchemaMigration>(NotificationsSchema.V5);
        services.AddSingleton(sp => new AckKeyFile(Path.Combine(sp.GetRequiredService<DataDirectoryOptions>().Path, "notification-ack.key")));
        services.AddSingleton<AckTokenService>();
        services.AddSingleton<TemplateHealth>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<TemplateCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<TemplateCheck>());
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<MailTransportSelector>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<IIncidentJournalConsumer>(sp => sp.GetRequiredService<OutboxWriter>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<NotificationWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationWatcher>());
        services.AddSingleton<IDeadlineClock, DeadlineClock>();
        services.AddSingleton<INotificationQueries, NotificationQueries>();
        services.AddSingleton<NotificationHealth>();
        services.AddSingleton<AckService>();
        services.AddSingleton<AckRateLimiter>();
        return services;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        AckEndpoints.Map(app);
        return app;
    }
}
