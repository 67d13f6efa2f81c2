namespace ATTT.Monitor.Collector.Drills;

/// <summary>Registers the drills area's services and endpoints (filled in as the area is built).</summary>
public static class DrillsRegistration
{
    public static IServiceCollection AddDrills(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDrills(this WebApplication app) => app;
}
