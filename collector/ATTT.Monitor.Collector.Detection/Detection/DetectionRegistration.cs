namespace ATTT.Monitor.Collector.Detection;

/// <summary>Registers the detection area: rule catalog and watcher, the pipeline and its checkpoint schema.</summary>
public static class DetectionRegistration
{
    public static IServiceCollection AddDetection(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var migration in DetectionSchema.Migrations)
            services.AddSingleton(migration);
        services.AddOptions<DetectionOptions>().Bind(configuration.GetSection(DetectionOptions.Section));
        services.AddSingleton<DetectionStatistics>();
        services.AddSingleton<RuleHits>();
        services.AddSingleton<RuleCatalog>();
        services.AddSingleton(sp => new Packs.RulePackLayout(sp.GetRequiredService<Storage.DataDirectoryOptions>().Path));
        services.AddSingleton<Packs.RuleTuningStore>();
        // Rule disablement and false-positive filters (if an area registers them) sit between the catalog and the pipeline.
        services.AddSingleton<IDetectorSource>(sp => new SuppressingDetectorSource(sp.GetRequiredService<RuleCatalog>(), sp.GetServices<IDetectionSuppressor>()));
        services.AddHostedService<RuleWatcher>();
        services.AddHostedService<DetectionPipeline>();
        return services;
    }

    public static WebApplication MapDetection(this WebApplication app)
    {
        app.MapDetectionApi();
        return app;
    }
}
