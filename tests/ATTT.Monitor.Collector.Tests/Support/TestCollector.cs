using System.IO.Compression;
using System.Net.Http.Headers;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Events.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// The real collector (<see cref="CollectorTestHost"/>) in this process on Kestrel at 127.0.0.1 with a
/// free port and a temporary data folder. Settings are passed as <c>--Section:Key=value</c> arguments.
/// </summary>
public sealed class TestCollector : IAsyncDisposable
{
    private readonly CollectorTestHost _host;

    private TestCollector(CollectorTestHost host, TestClock clock)
    {
        _host = host;
        Clock = clock;
    }

    public string DataPath => _host.DataDirectory;

    /// <summary>The collector's clock: a fixed start running at real speed, so no test depends on the day it runs.</summary>
    public TestClock Clock { get; }
    public Uri BaseAddress => _host.BaseAddress;
    public IServiceProvider Services => _host.Services;
    public AgentRegistry Registry => Services.GetRequiredService<AgentRegistry>();
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public static Task<TestCollector> StartAsync(params string[] settings) => StartAsync(new TestClock(), settings);

    public static async Task<TestCollector> StartAsync(TestClock clock, params string[] settings) =>
        new(await CollectorTestHost.StartAsync(new CollectorTestHostOptions { Settings = settings, Clock = clock }), clock);

    /// <summary>A collector on a data folder the test owns, so a second one can start where the first stopped.</summary>
    public static async Task<TestCollector> StartInAsync(string dataDirectory, params string[] settings)
    {
        var clock = new TestClock();
        return new(await CollectorTestHost.StartAsync(new CollectorTestHostOptions { DataDirectory = dataDirectory, Settings = settings, Clock = clock }), clock);
    }

    /// <summary>A collector whose log entries also go to <paramref name="logs"/>.</summary>
    public static async Task<TestCollector> StartAsync(RecordingLoggerProvider logs, params string[] settings)
    {
        var clock = new TestClock();
        return new(await CollectorTestHost.StartAsync(new CollectorTestHostOptions
        {
            Settings = settings,
            Clock = clock,
            Services = services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs),
        }), clock);
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Enrolls through the HTTP API with a fresh code; returns the agent id and token.</summary>
    public async Task<(string AgentId, string Token, string Unit)> EnrollAsync(string unit = "xa-sang-moc", string host = "PC-KETOAN-01")
    {
        var code = await Registry.CreateEnrollmentCodeAsync(unit, TimeSpan.FromHours(1), CancellationToken.None);
        using var client = Client();
        using var response = await client.PostAsync("/api/v1/enroll", Json($$"""{"v":1,"code":"{{code}}","host":"{{host}}","os":"Windows 10 Pro","agent_version":"0.1.0"}"""));
        response.EnsureSuccessStatusCode();
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("agent_id").GetString()!, doc.RootElement.GetProperty("token").GetString()!, doc.RootElement.GetProperty("unit").GetString()!);
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static ByteArrayContent Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(body);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    public static ByteArrayContent GzipBatch(EventBatch batch) => Gzip(EventWireWriter.SerializeBatch(batch));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
