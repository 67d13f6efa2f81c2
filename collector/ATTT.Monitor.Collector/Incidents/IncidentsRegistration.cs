namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Registers the incidents area's services and endpoints (filled in as the area is built).</summary>
public static class IncidentsRegistration
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapIncidents(this WebApplication app) => app;
}
