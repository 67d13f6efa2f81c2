using ATTT.Monitor.Collector.Hosting;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>Registers the embedded state database and the event store.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, ServeOptions options)
    {
        var data = new DataDirectoryOptions { Path = Path.GetFullPath(options.DataDirectory) };
        services.AddSingleton(data);
        services.AddSingleton(sp => new EmbeddedDatabase(data.StateDatabasePath, sp.GetServices<ISchemaMigration>()));
        return services;
    }
}
