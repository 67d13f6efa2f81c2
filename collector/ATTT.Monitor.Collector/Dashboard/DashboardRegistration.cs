namespace ATTT.Monitor.Collector.Dashboard;

/// <summary>Registers the dashboard area's services and endpoints (filled in as the area is built).</summary>
public static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDashboard(this WebApplication app) => app;
}
