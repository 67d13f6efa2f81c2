namespace ATTT.Monitor.Collector.Posture;

/// <summary>Registers the posture area: tracked antivirus state, condition incidents, the silence monitor and the posture endpoint.</summary>
public static class PostureRegistration
{
    public static IServiceCollection AddPosture(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var migration in PostureSchema.Migrations)
            services.AddSingleton(migration);
        services.AddOptions<PostureOptions>().Bind(configuration.GetSection(PostureOptions.Section));
        services.AddSingleton<PostureStore>();
        services.AddSingleton<PostureService>();
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
