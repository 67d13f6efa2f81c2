using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Audit;

/// <summary>Registers the audit log that incidents, posture and the dashboard write to.</summary>
public static class AuditRegistration
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        foreach (var migration in AuditSchema.Migrations)
            services.AddSingleton(migration);
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        return services;
    }
}
