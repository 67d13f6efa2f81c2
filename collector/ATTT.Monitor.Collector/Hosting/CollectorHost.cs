using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Dashboard;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Ingest;
using ATTT.Monitor.Collector.Notifications;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Users;

namespace ATTT.Monitor.Collector.Hosting;

/// <summary>
/// Builds the collector's web application. Each area registers its services and maps its
/// endpoints through one extension method of its own (eShop style), and this file lists every one
/// of them: no area registers another's services. The data folder is made here, once, and handed
/// to the areas that need it.
/// </summary>
internal static class CollectorHost
{
    /// <param name="overrides">Replaces registrations after every area added its own; tests give the
    /// collector their clock this way.</param>
    public static WebApplication Build(ServeOptions options, string[]? args = null, Action<IServiceCollection>? overrides = null)
    {
        // The content root is the install folder, not the working directory: the host watches its
        // content root, subfolders included, for appsettings.json (which the collector does not use;
        // its configuration is --config and ATTT_ variables), and started from /tmp or a repository
        // that walk took 0.8-1.0 s of every start (a service started from / would watch the whole disk).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCollectorConfiguration(options);
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var collector = builder.Configuration.GetSection(CollectorOptions.Section).Get<CollectorOptions>() ?? new CollectorOptions();
        ListenAddresses.Check(urls, collector);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves HTTPS out
        var ingest = builder.Configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions();
        builder.WebHost.ConfigureKestrel(kestrel => ListenAddresses.ConfigureKestrel(kestrel, collector, Math.Max(ingest.MaxCompressedBytes, ingest.MaxSmallBodyBytes) * RequestBody.DrainFactor));
        // Logs go to stderr: stdout carries only the first line (the dashboard URL), which scripts read.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; console.UseUtcTimestamp = true; });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        var data = DataDirectoryOptions.For(options.DataDirectory);
        builder.Services
            .AddEmbeddedStore(data)
            .AddAuditLog()
            .AddIngest(builder.Configuration)
            .AddDetection(builder.Configuration)
            .AddRuleSuppression()
            .AddIncidents(builder.Configuration)
            .AddPosture(builder.Configuration)
            .AddNotifications(builder.Configuration)
            .AddReports(builder.Configuration)
            .AddDrills(builder.Configuration, data)
            .AddDashboardUsers(builder.Configuration)
            .AddDashboard(data);
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        foreach (var url in builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)?.Split(';') ?? [])
            app.Urls.Add(url);
        // Authentication before rate limiting, so the limiter partitions by the authenticated agent.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapIngest();
        app.MapDetection();
        app.MapIncidents();
        app.MapPosture();
        app.MapNotifications();
        app.MapDashboard();
        return app;
    }

    /// <summary>Initialises the stores, then runs until stopped.</summary>
    public static async Task RunAsync(WebApplication app, TextWriter stdout, CancellationToken cancellationToken = default)
    {
        await StartAsync(app, stdout, cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Initialises the stores, starts listening and writes the first stdout line and the start-up notices.</summary>
    public static async Task StartAsync(WebApplication app, TextWriter stdout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(stdout);
        await app.Services.GetRequiredService<EmbeddedDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // The contract: the first stdout line names the dashboard URL (logs go to stderr). It is
        // written once Kestrel listens, so it carries the real port (port 0 in tests) and a reader
        // may connect as soon as it sees it.
        var url = app.Urls.FirstOrDefault() ?? "(no address)";
        await stdout.WriteLineAsync($"ATTT Monitor dashboard: {url.TrimEnd('/')}/").ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        await app.Services.WriteStartupNoticesAsync(stdout, cancellationToken).ConfigureAwait(false);
    }
}
