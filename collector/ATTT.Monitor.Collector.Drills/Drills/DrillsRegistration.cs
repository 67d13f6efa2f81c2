using Microsoft.Extensions.DependencyInjection.Extensions;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Quartz;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Registers the drills area: playbooks, Quartz with its persistent ADO store in the embedded
/// SQLite database (provider Microsoft.Data.Sqlite), the drill scheduler, runner and history.
/// </summary>
public static class DrillsRegistration
{
    public const string SchedulerName = "attt-drills";

    public static IServiceCollection AddDrills(this IServiceCollection services, IConfiguration configuration, DataDirectoryOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        services.AddOptions<DrillsOptions>().Bind(configuration.GetSection(DrillsOptions.Section));
        var options = configuration.GetSection(DrillsOptions.Section).Get<DrillsOptions>() ?? new DrillsOptions();
        foreach (var migration in DrillsSchema.Migrations())
            services.AddSingleton(migration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PlaybookCatalog>();
        services.AddSingleton<DrillRunStore>();
        services.AddSingleton<DrillMeasurements>();
        services.AddSingleton<DrillInjector>();
        services.AddSingleton<DrillRunner>();
        services.AddSingleton<DrillScheduler>();
        services.AddSingleton<DrillSignOffs>();
        services.AddSingleton<DrillReportBuilder>();
        services.AddSingleton<IDrillService, DrillService>();
        services.AddSingleton<IIncidentJournalConsumer, DrillJournalReader>();
        services.AddHostedService<DrillRequestWatcher>();
        services.AddHttpClient(DrillInjector.HttpClientName);
        if (!options.SchedulerEnabled)
            return services;

        var connectionString = new SqliteConnectionStringBuilder { DataSource = data.StateDatabasePath, DefaultTimeout = 30, Pooling = true }.ToString();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(SqliteFactory.Instance, connectionString);
                store.ConfigureStore(ado =>
                {
                    ado.TablePrefix = DrillsSchema.QuartzTablePrefix;
                    ado.MisfireThreshold = options.MisfireThreshold;
                    // The tables come from the drills area's schema migration, applied before Quartz starts.
                    ado.SchemaProvisioning = SchemaProvisioning.Validate;
                });
            });
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = false);
        services.AddHostedService<DrillSchedulerStartup>();
        return services;
    }
}
