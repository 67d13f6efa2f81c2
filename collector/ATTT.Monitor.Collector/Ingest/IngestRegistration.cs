namespace ATTT.Monitor.Collector.Ingest;

/// <summary>Registers the ingest area's services and endpoints (filled in as the area is built).</summary>
public static class IngestRegistration
{
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapIngest(this WebApplication app) => app;
}
