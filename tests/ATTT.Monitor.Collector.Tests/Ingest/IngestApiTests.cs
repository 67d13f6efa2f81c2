using System.Net;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Ingest;

/// <summary>The ingest API of docs/protocol.md on the real collector, over Kestrel on loopback.</summary>
public sealed class IngestApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enrolled_agent_posts_a_gzip_batch_that_is_acknowledged_after_it_is_stored()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, unit) = await collector.EnrollAsync("xã-sàng-mộc");
        Assert.Equal("xã-sàng-mộc", unit);
        using var client = collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 42, 120)), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ack":42,"accepted":120,"duplicate":false}""", await response.Content.ReadAsStringAsync(Ct));

        var stored = await collector.Store.ReadAfterAsync(0, 1000, Ct);
        Assert.Equal(120, stored.Count);
        Assert.All(stored, e => Assert.Equal((agentId, "xã-sàng-mộc", false), (e.AgentId, e.Unit, e.IsDrill)));
        var info = await collector.Registry.GetAsync(agentId, Ct);
        Assert.Equal(42, info!.LastSequence);
        Assert.NotNull(info.LastSeenAt);
    }

    [Fact]
    public async Task A_replayed_batch_is_acknowledged_as_duplicate_and_not_stored_again()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        var batch = TestEvents.Batch(agentId, 1, 10, dropped: 4);
        (await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct)).EnsureSuccessStatusCode();
        using var again = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
        Assert.Equal("""{"ack":1,"accepted":0,"duplicate":true}""", await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(10, await collector.Store.CountAsync(Ct));
        // The drop count of a replayed batch is not counted twice.
        Assert.Equal(4, (await collector.Registry.GetAsync(agentId, Ct))!.DroppedTotal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer at_unknown")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Without_a_valid_token_every_agent_call_is_401_with_an_empty_body(string? authorization)
    {
        await using var collector = await TestCollector.StartAsync();
        using var client = collector.Client();
        foreach (var path in new[] { "/api/v1/events", "/api/v1/heartbeat" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = TestCollector.GzipBatch(TestEvents.Batch("a_x", 1, 1)) };
            if (authorization is not null)
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        }

        Assert.Equal(0, await collector.Store.CountAsync(Ct));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        (await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 1, 1)), Ct)).EnsureSuccessStatusCode();
        await collector.Registry.RevokeAsync(agentId, Ct);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 2, 1)), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_used_or_unknown_enrollment_code_is_401()
    {
        await using var collector = await TestCollector.StartAsync();
        var code = await collector.Registry.CreateEnrollmentCodeAsync("xa", TimeSpan.FromHours(1), Ct);
        using var client = collector.Client();
        var body = $$"""{"v":1,"code":"{{code}}","host":"PC-1"}""";
        (await client.PostAsync("/api/v1/enroll", TestCollector.Json(body), Ct)).EnsureSuccessStatusCode();
        using var reused = await client.PostAsync("/api/v1/enroll", TestCollector.Json(body), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Empty(await reused.Content.ReadAsByteArrayAsync(Ct));
        using var missingHost = await client.PostAsync("/api/v1/enroll", TestCollector.Json("""{"v":1,"code":"X"}"""), Ct);
        await AssertBadFieldAsync(missingHost, "host");
    }

    [Theory]
    [InlineData("""{"v":1,"agent_id":"AGENT","seq":1,"events":[{"event_id":1,"time":"2026-11-27T03:00:00Z","channel":"Security"},{"time":"2026-11-27T03:00:00Z","channel":"Security"}]}""", "events[1].event_id")]
    [InlineData("""{"v":2,"agent_id":"AGENT","seq":1,"events":[]}""", "v")]
    [InlineData("""{"v":1,"agent_id":"AGENT","seq":-3,"events":[]}""", "seq")]
    [InlineData("""{"v":1,"agent_id":"AGENT","seq":1,"events":[{"event_id":1,"time":"yesterday","channel":"Security"}]}""", "events[0].time")]
    [InlineData("""{"v":1,"agent_id":"AGENT","seq":1,"events":[""", "")]
    [InlineData("""{"v":1,"agent_id":"a_someone_else","seq":1,"events":[]}""", "agent_id")]
    [InlineData("""{"v":1,"seq":1,"events":[]}""", "agent_id")]
    public async Task Malformed_batches_are_400_naming_the_field_and_store_nothing(string json, string field)
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.Gzip(System.Text.Encoding.UTF8.GetBytes(json.Replace("AGENT", agentId, StringComparison.Ordinal))), Ct);
        await AssertBadFieldAsync(response, field);
        Assert.Equal(0, await collector.Store.CountAsync(Ct));
    }

    [Fact]
    public async Task Other_media_types_and_encodings_are_415()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        var body = EventWireWriter.SerializeBatch(TestEvents.Batch(agentId, 1, 1));
        using var text = new ByteArrayContent(body);
        text.Headers.ContentType = new("text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/v1/events", text, Ct)).StatusCode);
        using var brotli = new ByteArrayContent(body);
        brotli.Headers.ContentType = new("application/json");
        brotli.Headers.ContentEncoding.Add("br");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/v1/events", brotli, Ct)).StatusCode);
        // Uncompressed JSON is accepted too.
        using var plain = new ByteArrayContent(body);
        plain.Headers.ContentType = new("application/json");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/events", plain, Ct)).StatusCode);
    }

    [Fact]
    public async Task Oversized_bodies_and_gzip_bombs_are_413()
    {
        await using var collector = await TestCollector.StartAsync("--Ingest:MaxCompressedBytes=20000", "--Ingest:MaxInflatedBytes=200000");
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        // Incompressible bytes: larger than the compressed limit on the wire.
        var noise = new byte[50_000];
        new Random(1).NextBytes(noise);
        using var big = await client.PostAsync("/api/v1/events", TestCollector.Gzip(noise), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        // Small on the wire, huge once inflated.
        var bomb = new byte[10_000_000];
        using var inflated = await client.PostAsync("/api/v1/events", TestCollector.Gzip(bomb), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, inflated.StatusCode);
        Assert.Contains("split", await inflated.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The collector still serves the agent afterwards.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 1, 5)), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_flooding_agent_gets_429_with_retry_after_and_others_are_not_disturbed()
    {
        await using var collector = await TestCollector.StartAsync("--Ingest:RequestsPerSecond=1", "--Ingest:RequestBurst=3");
        var flood = await collector.EnrollAsync(host: "PC-FLOOD");
        var quiet = await collector.EnrollAsync(host: "PC-QUIET");
        using var floodClient = collector.Client(flood.Token);
        var statuses = new List<HttpResponseMessage>();
        for (var seq = 1; seq <= 8; seq++)
            statuses.Add(await floodClient.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(flood.AgentId, seq, 1)), Ct));
        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));

        using var quietClient = collector.Client(quiet.Token);
        using var ok = await quietClient.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(quiet.AgentId, 1, 1)), Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task When_every_ingest_slot_is_busy_a_batch_gets_503_with_retry_after()
    {
        await using var collector = await TestCollector.StartAsync("--Ingest:MaxConcurrentBatches=1");
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        // A slow upload holds the only slot.
        var slowBody = new SlowContent(EventWireWriter.SerializeBatch(TestEvents.Batch(agentId, 1, 50)));
        var slow = client.PostAsync("/api/v1/events", slowBody, Ct);
        await slowBody.Started.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var gate = collector.Services.GetRequiredService<ATTT.Monitor.Collector.Ingest.IngestGate>();
        await Eventually.UntilAsync(() => gate.Busy == 1, "the slow upload to hold the only ingest slot");
        using var refused = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 2, 1)), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        slowBody.Finish();
        Assert.Equal(HttpStatusCode.OK, (await slow).StatusCode);
        Assert.Equal(50, await collector.Store.CountAsync(Ct));
    }

    [Fact]
    public async Task When_detection_is_further_behind_than_allowed_a_batch_gets_503_with_retry_after_and_is_not_stored()
    {
        await using var collector = await TestCollector.StartAsync("--Ingest:DetectionBacklogEvents=100", "--Ingest:DetectionBacklogWait=00:00:00.3");
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        using (var first = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 1, 5)), Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // Detection has read the batch; then commits it has not read put it 2,000 events behind (ids
        // past a gap, so the pipeline looks for event 6 in the store and finds nothing to evaluate).
        var feed = collector.Services.GetRequiredService<CommittedEventFeed>();
        await Eventually.UntilAsync(() => feed.Buffered == 0 && feed.Backlog == 0, "detection to read the first batch");

        feed.Publish([.. Enumerable.Range(1006, 1000).Select(i => new StoredEvent(i, agentId, "xa", false, TestEvents.BaseTime, TestEvents.Logon(i)))]);
        Assert.True(feed.Backlog >= 1000);
        using var refused = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 2, 1)), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(5, await collector.Store.CountAsync(Ct));
    }

    [Fact]
    public async Task A_heartbeat_updates_the_agents_inventory_and_last_contact()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        var body = $$$"""
            {"v":1,"agent_id":"{{{agentId}}}","sent_at":"2026-11-27T03:15:00Z",
             "inventory":{"host":"PC-KETOAN-01","os":"Windows 10 Pro 22H2","ips":["192.168.1.23"],"agent_version":"0.1.1"},
             "spool":{"depth_events":12,"depth_bytes":4096,"dropped_total":0,"last_error":null}}
            """;
        using var response = await client.PostAsync("/api/v1/heartbeat", TestCollector.Json(body), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync(Ct));
        var info = (await collector.Registry.GetAsync(agentId, Ct))!;
        Assert.Equal(["192.168.1.23"], info.IpAddresses);
        Assert.Equal("0.1.1", info.AgentVersion);
        Assert.NotNull(info.LastSeenAt);

        using var bad = await client.PostAsync("/api/v1/heartbeat", TestCollector.Json($$$"""{"v":1,"agent_id":"{{{agentId}}}","inventory":{"ips":[1]}}"""), Ct);
        await AssertBadFieldAsync(bad, "inventory.ips[0]");
    }

    private static async Task AssertBadFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(field, doc.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("error").GetString()));
    }
}
