using ATTT.Monitor.Collector.Detection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.AddSingleton(LoadGuidance);
        services.AddSingleton<DetectionEvidence>();
        services.AddSingleton<IncidentManager>();
        services.AddSingleton<IDetectionSink>(sp => sp.GetRequiredService<IncidentManager>());
        services.AddSingleton<IIncidentService, IncidentService>();
        services.AddSingleton<Bulk.IncidentBulkService>();
        services.AddSingleton<Hosts.IncidentHostDirectory>();
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

    /// <summary>
    /// The guidance folder, read once: configured (<c>Incidents:GuidancePath</c>) or found beside the
    /// rules folder as <c>attt serve</c> finds <c>rules/</c>. A folder that is there but unreadable stops
    /// the start with the file and line at fault; no folder at all leaves the rules' own titles.
    /// </summary>
    private static IncidentGuidance LoadGuidance(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<IncidentsOptions>>().Value;
        var rules = services.GetRequiredService<IOptions<DetectionOptions>>().Value.RulePaths;
        var folder = GuidancePathResolver.Resolve(options.GuidancePath, rules, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<IncidentGuidance>();
        if (folder is null)
        {
            logger.LogWarning("No guidance folder found beside the rules; incidents keep the rules' own titles (set Incidents:GuidancePath)");
            return IncidentGuidance.None;
        }

        var guidance = GuidanceFiles.Load(folder);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Guidance from {Folder}: {Tactics} tactics, {Techniques} techniques, {Rules} SigmaHQ rules", folder, guidance.Attack.TacticCount, guidance.Attack.TechniqueCount, guidance.SigmaHqCount);
        return guidance;
    }

    public static WebApplication MapIncidents(this WebApplication app)
    {
        app.MapIncidentsApi();
        return app;
    }
}
