namespace ATTT.Monitor.Collector.Detection;

/// <summary>Registers the detection area's services and endpoints (filled in as the area is built).</summary>
public static class DetectionRegistration
{
    public static IServiceCollection AddDetection(this IServiceCollection services, IConfiguration configuration) => services;

}
