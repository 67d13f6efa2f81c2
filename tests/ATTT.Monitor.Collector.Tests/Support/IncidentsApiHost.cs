using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>The incidents area (and the detection status route) on a real Kestrel server on 127.0.0.1 (random port) over a real state database.</summary>
internal sealed class IncidentsApiHost : IAsyncDisposable
{
    private IncidentsApiHost(WebApplication app, StateDatabaseFixture db, HttpClient client)
    {
        App = app;
        Db = db;
        Client = client;
    }

    public WebApplication App { get; }
    public StateDatabaseFixture Db { get; }
    public HttpClient Client { get; }
    public IncidentManager Manager => App.Services.GetRequiredService<IncidentManager>();

    public static async Task<IncidentsApiHost> StartAsync(IEnumerable<StoredEvent>? events = null, string? rulesFolder = null)
    {
        var db = await StateDatabaseFixture.CreateAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(db.Database);
        builder.Services.AddSingleton<IEventStore>(new ListEventStore(events ?? []));
        builder.Services.AddAuthentication(TestUserAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestUserAuthenticationHandler>(TestUserAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuditLog();
        builder.Services.AddIncidents(builder.Configuration);
        builder.Services.AddSingleton(new DetectionStatistics());
        builder.Services.AddSingleton(Options.Create(new DetectionOptions { RulePaths = rulesFolder is null ? [] : [rulesFolder] }));
        builder.Services.AddSingleton<RuleCatalog>();
        var app = builder.Build();
        app.MapIncidents();
        app.MapDetection();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return new IncidentsApiHost(app, db, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}
