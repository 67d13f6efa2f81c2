using ATTT.Monitor.Collector.Plan;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>Registers the posture area: tracked antivirus state, condition incidents, indicator 1 of the plan, the silence monitor and the posture endpoint.</summary>
public static class PostureRegistration
{
    public static IServiceCollection AddPosture(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var migration in PostureSchema.Migrations)
            services.AddSingleton(migration);
        services.AddOptions<PostureOptions>().Bind(configuration.GetSection(PostureOptions.Section));
        services.AddSingleton<PostureStore>();
        services.AddSingleton<PostureService>();
        services.AddOptions<MinimumConfigurationOptions>().Bind(configuration.GetSection(MinimumConfigurationOptions.Section));
        services.AddSingleton<PlanIndicatorService>();
        services.AddSingleton<SilentPcs>();
        services.AddHostedService<SilenceMonitor>();
        return services;
    }

    public static WebApplication MapPosture(this WebApplication app)
    {
        app.MapPostureEndpoints();
        return app;
    }
}
