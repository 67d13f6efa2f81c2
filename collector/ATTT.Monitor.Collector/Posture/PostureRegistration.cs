namespace ATTT.Monitor.Collector.Posture;

/// <summary>Registers the posture area's services and endpoints (filled in as the area is built).</summary>
public static class PostureRegistration
{
    public static IServiceCollection AddPosture(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapPosture(this WebApplication app) => app;
}
