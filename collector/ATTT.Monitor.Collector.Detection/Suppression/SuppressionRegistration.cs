using ATTT.Monitor.Collector.Detection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>Registers rule disablement and false-positive filters: schema, store, and the detection hook.</summary>
public static class SuppressionRegistration
{
    public static IServiceCollection AddRuleSuppression(this IServiceCollection services)
    {
        foreach (var migration in SuppressionSchema.Migrations)
            services.AddSingleton(migration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SuppressionStore>();
        services.TryAddSingleton<SigmaFieldResolver>();
        services.TryAddSingleton(sp => new DetectionSuppressions(sp.GetRequiredService<SuppressionStore>(), sp.GetRequiredService<SigmaFieldResolver>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDetectionSuppressor, DetectionSuppressions>(sp => sp.GetRequiredService<DetectionSuppressions>()));
        return services;
    }
}
