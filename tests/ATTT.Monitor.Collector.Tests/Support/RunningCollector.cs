using System.Text.Json;
using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// The real collector host (Kestrel on 127.0.0.1, port chosen by the OS, SQLite on disk) started
/// as <c>attt serve</c> starts it, with a configuration file the test writes and the test's clock
/// (share one clock between a run and its restart so that the time between them is the test's to set).
/// </summary>
internal sealed class RunningCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningCollector(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningCollector> StartAsync(string dataDirectory, object configuration, TimeProvider clock)
    {
        Directory.CreateDirectory(dataDirectory);
        var configFile = Path.Combine(dataDirectory, "test-config.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(configuration));
        var app = CollectorHost.Build(new ServeOptions(dataDirectory, "http://127.0.0.1:0", configFile), overrides: services => services.UseClock(clock));
        await app.Services.GetRequiredService<EmbeddedDatabase>().InitializeAsync();
        await app.StartAsync();
        return new RunningCollector(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
