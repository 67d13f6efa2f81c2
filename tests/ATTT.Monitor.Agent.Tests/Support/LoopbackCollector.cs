using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>
/// A small but real collector peer on Kestrel (loopback, free port) that answers as docs/protocol.md
/// says: enrollment with one-time codes, bearer tokens, gzip batches decoded with the shared wire
/// reader, idempotence by seq, 413 past a batch-size limit. <see cref="Script"/> makes the next
/// event requests fail in chosen ways (status codes, Retry-After, dropped connections).
/// </summary>
internal sealed class LoopbackCollector : IAsyncDisposable
{
    public const string Token = "token-for-tests-0123456789";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<long, EventBatch> _batches = new();
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal) { "K7QF-93XD-PLM2" };
    private readonly Lock _gate = new();

    private LoopbackCollector(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Answers for the next event requests, in order; an empty queue means normal answers.</summary>
    public ConcurrentQueue<Func<HttpContext, Task>> Script { get; } = new();

    /// <summary>Batches above this many events get 413.</summary>
    public int MaxEventsPerBatch { get; set; } = EventBatch.MaxEvents;

    public int EventRequests;

    public ConcurrentQueue<string> Heartbeats { get; } = new();

    /// <summary>Heartbeats and posture reports refused for a wrong token.</summary>
    public int RefusedReports;

    public ConcurrentQueue<string> Postures { get; } = new();

    public IReadOnlyCollection<EventBatch> Batches => _batches.Values.OrderBy(b => b.Sequence).ToList();

    public long TotalDropped => _batches.Values.Sum(b => b.Dropped);

    public static async Task<LoopbackCollector> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            if (certificate is not null)
                l.UseHttps(certificate);
        }));
        var app = builder.Build();
        var collector = new LoopbackCollector(app);
        app.MapPost("/api/v1/enroll", collector.EnrollAsync);
        app.MapPost("/api/v1/events", collector.EventsAsync);
        app.MapPost("/api/v1/heartbeat", ctx => collector.RecordAsync(ctx, collector.Heartbeats));
        app.MapPost("/api/v1/posture", ctx => collector.RecordAsync(ctx, collector.Postures));
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("Kestrel did not start.");
        collector.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return collector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static Func<HttpContext, Task> Status(int status, int? retryAfterSeconds = null, string? body = null) => async ctx =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfterSeconds is not null)
            ctx.Response.Headers.RetryAfter = retryAfterSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (body is not null)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(body);
        }
    };

    public static Func<HttpContext, Task> DropConnection() => ctx =>
    {
        ctx.Abort();
        return Task.CompletedTask;
    };

    /// <summary>
    /// Stores the batch (as a collector that committed it) and then, instead of answering, runs
    /// <paramref name="crash"/> and drops the connection: the agent never sees the acknowledgement.
    /// </summary>
    public Func<HttpContext, Task> StoreThenCrash(Func<Task> crash) => async ctx =>
    {
        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(ctx.Request.Body, CompressionMode.Decompress))
            await gzip.CopyToAsync(body);
        var batch = EventWireReader.ReadBatch(body.ToArray());
        _batches.TryAdd(batch.Sequence, batch);
        await crash();
        ctx.Abort();
    };

    private async Task EnrollAsync(HttpContext ctx)
    {
        using var json = await JsonDocument.ParseAsync(ctx.Request.Body);
        var code = json.RootElement.GetProperty("code").GetString() ?? "";
        bool valid;
        lock (_gate)
            valid = _codes.Remove(code);
        if (!valid)
        {
            ctx.Response.StatusCode = 401;
            return;
        }

        await ctx.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["agent_id"] = "a_test1", ["token"] = Token, ["unit"] = "xa-sang-moc" });
    }

    private async Task EventsAsync(HttpContext ctx)
    {
        Interlocked.Increment(ref EventRequests);
        if (Script.TryDequeue(out var scripted))
        {
            await scripted(ctx);
            return;
        }

        if (ctx.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            ctx.Response.StatusCode = 401;
            return;
        }

        if (ctx.Request.Headers.ContentEncoding.ToString() != "gzip")
        {
            await Status(415, body: "{\"error\":\"gzip expected\"}")(ctx);
            return;
        }

        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(ctx.Request.Body, CompressionMode.Decompress))
            await gzip.CopyToAsync(body);
        EventBatch batch;
        try
        {
            batch = EventWireReader.ReadBatch(body.ToArray());
        }
        catch (WireFormatException ex)
        {
            ctx.Response.StatusCode = 400;
            await ctx.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = ex.Message, ["field"] = ex.Field });
            return;
        }

        if (batch.Events.Count > MaxEventsPerBatch)
        {
            await Status(413, body: "{\"error\":\"too many events\"}")(ctx);
            return;
        }

        var duplicate = !_batches.TryAdd(batch.Sequence, batch);
        await ctx.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["ack"] = batch.Sequence, ["accepted"] = duplicate ? 0 : batch.Events.Count, ["duplicate"] = duplicate });
    }

    private async Task RecordAsync(HttpContext ctx, ConcurrentQueue<string> into)
    {
        if (ctx.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            Interlocked.Increment(ref RefusedReports);
            ctx.Response.StatusCode = 401;
            return;
        }

        using var reader = new StreamReader(ctx.Request.Body);
        into.Enqueue(await reader.ReadToEndAsync());
        await ctx.Response.WriteAsync("{}");
    }
}
