using System.Diagnostics;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Agent.Transport;

namespace ATTT.Monitor.Agent.Tests.Transport;

public sealed class CollectorClientTests : IAsyncLifetime
{
    private LoopbackCollector _collector = null!;

    public async ValueTask InitializeAsync() => _collector = await LoopbackCollector.StartAsync();

    public async ValueTask DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public async Task A_batch_arrives_gzipped_with_its_seq_dropped_count_and_events()
    {
        using var client = TransportBuilder.Client(_collector.Url);

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 42, 7, TransportBuilder.EventsJson(3), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        var batch = Assert.Single(_collector.Batches);
        Assert.Equal(42, batch.Sequence);
        Assert.Equal(7, batch.Dropped);
        Assert.Equal([1L, 2L, 3L], batch.Events.Select(e => e.RecordId));
        Assert.Equal("3", batch.Events[0].Fields[0].Value);
    }

    [Fact]
    public async Task A_resent_batch_is_reported_as_a_duplicate_and_stored_once()
    {
        using var client = TransportBuilder.Client(_collector.Url);
        var ct = TestContext.Current.CancellationToken;

        await client.SendBatchAsync(TransportBuilder.Credentials, 5, 0, TransportBuilder.EventsJson(2), ct);
        var again = await client.SendBatchAsync(TransportBuilder.Credentials, 5, 0, TransportBuilder.EventsJson(2), ct);

        Assert.Equal(SendStatus.Accepted, again.Status);
        Assert.True(again.Duplicate);
        Assert.Single(_collector.Batches);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Overload_answers_are_retried_until_the_batch_is_stored(int status)
    {
        _collector.Script.Enqueue(LoopbackCollector.Status(status));
        _collector.Script.Enqueue(LoopbackCollector.Status(status));
        using var client = TransportBuilder.Client(_collector.Url);

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        Assert.Equal(3, _collector.EventRequests);
        Assert.Single(_collector.Batches);
    }

    [Fact]
    public async Task Retry_after_is_honoured_instead_of_the_short_backoff()
    {
        _collector.Script.Enqueue(LoopbackCollector.Status(503, retryAfterSeconds: 1));
        using var client = TransportBuilder.Client(_collector.Url);
        var clock = Stopwatch.StartNew();

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        // The configured backoff is 10-50 ms; only the header explains a wait of a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited {clock.Elapsed}");
    }

    [Fact]
    public async Task The_retry_pipeline_is_built_at_the_first_failure_which_it_retries()
    {
        using var client = TransportBuilder.Client(_collector.Url);
        var ct = TestContext.Current.CancellationToken;

        var healthy = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), ct);
        var builtWhileHealthy = client.ResiliencePipelineActive;
        _collector.Script.Enqueue(LoopbackCollector.Status(503));
        var afterFailure = await client.SendBatchAsync(TransportBuilder.Credentials, 2, 0, TransportBuilder.EventsJson(1), ct);

        Assert.Equal(SendStatus.Accepted, healthy.Status);
        Assert.False(builtWhileHealthy);
        Assert.Equal(SendStatus.Accepted, afterFailure.Status);
        Assert.True(client.ResiliencePipelineActive);
        Assert.Equal(3, _collector.EventRequests);
        Assert.Equal([1L, 2L], _collector.Batches.Select(b => b.Sequence));
    }

    [Fact]
    public async Task An_attempt_that_outlives_its_timeout_is_abandoned_and_retried()
    {
        var options = TransportBuilder.FastOptions();
        // Long enough for a healthy attempt on a machine busy running the other test projects (at
        // 300 ms the retry itself timed out there once, making three requests); far under the 10 s stall.
        options.AttemptTimeout = TimeSpan.FromSeconds(2);
        // The first attempt stalls for a minute unless the agent gives it up (the request is aborted).
        var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _collector.Script.Enqueue(async ctx =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                abandoned.TrySetResult();
            }
        });
        using var client = TransportBuilder.Client(_collector.Url, options);

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        Assert.Equal(2, _collector.EventRequests);
        // Accepted by the retry while the stalled attempt's minute was still running: it was abandoned.
        await abandoned.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        _collector.Script.Enqueue(LoopbackCollector.DropConnection());
        using var client = TransportBuilder.Client(_collector.Url);

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        Assert.Equal(2, _collector.EventRequests);
    }

    [Fact]
    public async Task A_collector_that_keeps_failing_ends_in_unavailable_after_the_retries()
    {
        for (var i = 0; i < 10; i++)
            _collector.Script.Enqueue(LoopbackCollector.Status(503));
        using var client = TransportBuilder.Client(_collector.Url);

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Unavailable, outcome.Status);
        Assert.Contains("503", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(4, _collector.EventRequests);
    }

    [Fact]
    public async Task A_bad_request_is_not_retried_and_names_the_field()
    {
        _collector.Script.Enqueue(LoopbackCollector.Status(400, body: "{\"error\":\"event_id is required\",\"field\":\"events[0].event_id\"}"));
        using var client = TransportBuilder.Client(_collector.Url);

        var outcome = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(1), TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains("events[0].event_id", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, _collector.EventRequests);
    }

    [Fact]
    public async Task Too_large_and_unauthorized_are_not_retried()
    {
        _collector.MaxEventsPerBatch = 2;
        using var client = TransportBuilder.Client(_collector.Url);
        var ct = TestContext.Current.CancellationToken;

        var tooLarge = await client.SendBatchAsync(TransportBuilder.Credentials, 1, 0, TransportBuilder.EventsJson(3), ct);
        var unauthorized = await client.SendBatchAsync(new AgentCredentials("a_test1", "wrong"), 2, 0, TransportBuilder.EventsJson(1), ct);

        Assert.Equal(SendStatus.TooLarge, tooLarge.Status);
        Assert.Equal(SendStatus.Unauthorized, unauthorized.Status);
        Assert.Equal(2, _collector.EventRequests);
    }

    [Fact]
    public async Task Enrollment_returns_a_token_once_per_code()
    {
        using var client = TransportBuilder.Client(_collector.Url);
        var inventory = HostInventory.Collect();
        var ct = TestContext.Current.CancellationToken;

        var result = await client.EnrollAsync("K7QF-93XD-PLM2", inventory, ct);
        var reuse = await Assert.ThrowsAsync<CollectorRejectedException>(() => client.EnrollAsync("K7QF-93XD-PLM2", inventory, ct));

        Assert.Equal("a_test1", result.AgentId);
        Assert.Equal(LoopbackCollector.Token, result.Token);
        Assert.Contains("enroll-code", reuse.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => TransportBuilder.Client(new Uri("http://192.0.2.10:5080/")));
        Assert.Contains("https://", ex.Message, StringComparison.Ordinal);
    }
}
