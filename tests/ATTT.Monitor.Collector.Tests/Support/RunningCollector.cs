namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// The real collector host started as <c>attt serve</c> starts it (<see cref="CollectorTestHost"/>),
/// with a configuration file the test writes and the test's clock (share one clock between a run and
/// its restart so that the time between them is the test's to set). The data folder is the test's.
/// </summary>
internal sealed class RunningCollector : IAsyncDisposable
{
    private readonly CollectorTestHost _host;

    private RunningCollector(CollectorTestHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<RunningCollector> StartAsync(string dataDirectory, object configuration, TimeProvider clock) =>
        new(await CollectorTestHost.StartAsync(new CollectorTestHostOptions { DataDirectory = dataDirectory, Configuration = configuration, Clock = clock }));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
