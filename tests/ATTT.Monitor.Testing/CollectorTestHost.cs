using System.Text.Json;
using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Testing;

/// <summary>
/// The real collector (CollectorHost, started as <c>attt serve</c> starts it) in the test's process:
/// Kestrel on 127.0.0.1 with a port the OS chooses, SQLite on disk, and the test's clock. The one
/// place where collector tests build and start a collector.
/// </summary>
public sealed class CollectorTestHost : IAsyncDisposable
{
    private readonly TempFolder? _ownedData;
    private readonly StringWriter _output;

    private CollectorTestHost(WebApplication app, string dataDirectory, TempFolder? ownedData, TimeProvider clock, StringWriter output)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        Clock = clock;
        _output = output;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The collector started without a listening address.");
        BaseAddress = new Uri(address);
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string DataDirectory { get; }

    public TimeProvider Clock { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the collector wrote to stdout at start (the dashboard URL, start-up notices).</summary>
    public string Output => _output.ToString();

    public static async Task<CollectorTestHost> StartAsync(CollectorTestHostOptions? options = null)
    {
        options ??= new CollectorTestHostOptions();
        var owned = options.DataDirectory is null ? new TempFolder("attt-collector") : null;
        var data = options.DataDirectory ?? owned!.Path;
        var clock = options.Clock ?? new TestClock();
        WebApplication? app = null;
        try
        {
            Directory.CreateDirectory(data);
            string? configFile = null;
            if (options.Configuration is not null)
            {
                configFile = Path.Combine(data, "test-config.json");
                await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(options.Configuration)).ConfigureAwait(false);
            }

            app = CollectorHost.Build(new ServeOptions(data, "http://127.0.0.1:0", configFile), [.. options.Settings], services =>
            {
                services.UseClock(clock);
                options.Services?.Invoke(services);
            });
            if (options.BeforeStart is not null)
            {
                await app.Services.GetRequiredService<EmbeddedDatabase>().InitializeAsync().ConfigureAwait(false);
                await options.BeforeStart(app.Services).ConfigureAwait(false);
            }

            var output = new StringWriter();
            await CollectorHost.StartAsync(app, output).ConfigureAwait(false);
            return new CollectorTestHost(app, data, owned, clock, output);
        }
        catch
        {
            if (app is not null)
                await app.DisposeAsync().ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
            owned?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        _output.Dispose();
        SqliteConnection.ClearAllPools();
        _ownedData?.Dispose();
    }
}
