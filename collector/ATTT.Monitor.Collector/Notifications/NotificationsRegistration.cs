namespace ATTT.Monitor.Collector.Notifications;

/// <summary>Registers the notifications area's services and endpoints (filled in as the area is built).</summary>
public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapNotifications(this WebApplication app) => app;
}
