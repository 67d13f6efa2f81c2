using ATTT.Monitor.Collector.Dashboard;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Ingest;
using ATTT.Monitor.Collector.Notifications;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Hosting;

/// <summary>
/// Builds the collector's web application. Each area registers its services and maps its
/// endpoints through one extension method of its own (eShop style), so this file stays a list.
/// </summary>
public static class CollectorHost
{
    public static WebApplication Build(ServeOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.Configuration.AddCollectorConfiguration(options);
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        builder.Services
            .AddEmbeddedStore(options)
            .AddIngest(builder.Configuration)
            .AddDetection(builder.Configuration)
            .AddIncidents(builder.Configuration)
            .AddPosture(builder.Configuration)
            .AddNotifications(builder.Configuration)
            .AddDrills(builder.Configuration)
            .AddDashboard(builder.Configuration);

        var app = builder.Build();
        foreach (var url in builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)?.Split(';') ?? [])
            app.Urls.Add(url);
        app.MapIngest();
        app.MapIncidents();
        app.MapPosture();
        app.MapNotifications();
        app.MapDrills();
        app.MapDashboard();
        return app;
    }

    /// <summary>Initialises the stores, then runs until stopped.</summary>
    public static async Task RunAsync(WebApplication app, TextWriter stdout, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<EmbeddedDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        // The contract: the first line names the dashboard URL, before any log line.
        var url = app.Urls.FirstOrDefault() ?? "(no address)";
        await stdout.WriteLineAsync($"ATTT Monitor dashboard: {url.TrimEnd('/')}/").ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
}
