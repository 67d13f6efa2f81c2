using ATTT.Monitor.Collector.Detection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents.Journal;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Registers the incidents area: schema, manager (the detection sink), service, the journal and its readers, API.</summary>
public static class IncidentsRegistration
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var migration in IncidentsSchema.Migrations)
            services.AddSingleton(migration);
        services.AddOptions<IncidentsOptions>().Bind(configuration.GetSection(IncidentsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IncidentManager>();
        services.AddSingleton<IDetectionSink>(sp => sp.GetRequiredService<IncidentManager>());
        services.AddSingleton<IIncidentService, IncidentService>();
        services.AddSingleton<IncidentJournalReaders>();
        services.AddHostedService<IncidentJournalFollower>();
        // The dashboard area defines the real policy (roles); registered after this, its definition wins.
        // Until then: an authenticated user with a unit claim, which agent tokens never carry.
        services.AddAuthorization(options =>
        {
            options.AddPolicy(IncidentsEndpoints.DashboardPolicy, p => p.RequireAuthenticatedUser().RequireClaim(UnitClaims.Unit));
            options.AddPolicy(IncidentsEndpoints.TriagePolicy, p => p.RequireClaim(UnitClaims.Unit).RequireRole(UserRoles.Admin, UserRoles.Officer));
        });
        return services;
    }

    public static WebApplication MapIncidents(this WebApplication app)
    {
        app.MapIncidentsApi();
        return app;
    }
}
