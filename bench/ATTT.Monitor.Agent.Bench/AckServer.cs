using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Bench;

/// <summary>A minimal loopback peer that enrolls and acknowledges every batch at once (protocol v1 answers).</summary>
internal sealed class AckServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _events;

    private AckServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public long Events => Interlocked.Read(ref _events);

    public static async Task<AckServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new AckServer(app);
        app.MapPost("/api/v1/enroll", () => Results.Json(new Dictionary<string, string> { ["agent_id"] = "a_bench", ["token"] = "bench-token", ["unit"] = "bench" }));
        app.MapPost("/api/v1/heartbeat", () => Results.Json(new Dictionary<string, string>()));
        app.MapPost("/api/v1/posture", () => Results.Json(new Dictionary<string, string>()));
        app.MapPost("/api/v1/events", (Delegate)server.EventsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address);
        return server;
    }

    private async Task<IResult> EventsAsync(HttpContext ctx)
    {
        await using var gzip = new GZipStream(ctx.Request.Body, CompressionMode.Decompress);
        using var json = await JsonDocument.ParseAsync(gzip);
        var seq = json.RootElement.GetProperty("seq").GetInt64();
        var count = json.RootElement.GetProperty("events").GetArrayLength();
        Interlocked.Add(ref _events, count);
        return Results.Json(new Dictionary<string, object> { ["ack"] = seq, ["accepted"] = count, ["duplicate"] = false });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
