using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>Registers the embedded state database, the agent registry and the event store.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, DataDirectoryOptions data)
    {
        ArgumentNullException.ThrowIfNull(data);
        services.AddSingleton(data);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EmbeddedDatabase(data.StateDatabasePath, sp.GetServices<ISchemaMigration>()));

        services.AddSingleton(IngestSchema.V1);
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<IAgentRegistry>(sp => sp.GetRequiredService<AgentRegistry>());
        services.AddSingleton<AgentBatchRecorder>();
        services.AddSingleton<EnrollmentCodes>();

        services.AddOptions<EventStoreOptions>().BindConfiguration(EventStoreOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EventStoreOptions>>().Value);
        services.AddSingleton<IEventAppendedSignal, EventAppendedSignal>();
        services.AddSingleton(sp => new CommittedEventFeed(sp.GetRequiredService<EventStoreOptions>().DetectionHandOffEvents, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new EventsDatabase(Path.Combine(data.Path, EventsDatabase.FileName)));
        services.AddSingleton<SqliteEventStore>();
        services.AddSingleton<IEventStore>(CreateEventStore);
        // Only the embedded store keeps its sources apart; on Elasticsearch no IEventHosts is resolved (null).
        services.AddSingleton<IEventHosts>(sp => string.Equals(sp.GetRequiredService<EventStoreOptions>().Kind, EventStoreOptions.SqliteKind, StringComparison.OrdinalIgnoreCase)
            ? new SqliteEventHosts(sp.GetRequiredService<EventsDatabase>())
            : null!);
        services.AddSingleton<Search.EventSearch>();
        services.AddSingleton(EventRetentionSettings.Migration);
        services.AddSingleton<EventRetentionSettings>();
        services.AddHostedService(sp => new EventRetentionService(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<EventStoreOptions>(), sp.GetRequiredService<EventRetentionSettings>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EventRetentionService>>()));
        return services;
    }

    private static IEventStore CreateEventStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<EventStoreOptions>();
        return options.Kind.ToLowerInvariant() switch
        {
            EventStoreOptions.SqliteKind => services.GetRequiredService<SqliteEventStore>(),
            EventStoreOptions.ElasticsearchKind => new Elasticsearch.ElasticsearchEventStore(options, services.GetRequiredService<IEventAppendedSignal>()),
            _ => throw new InvalidOperationException(
                $"Storage:Events:Kind is '{options.Kind}'; it must be '{EventStoreOptions.SqliteKind}' or '{EventStoreOptions.ElasticsearchKind}'."),
        };
    }
}
