using System.Net;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Tests.Ingest;

/// <summary>A batch's dropped count and per-channel losses are stored with the batch (one transaction) and counted once.</summary>
public sealed class BatchLossesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Losses_posted_with_a_batch_are_stored_with_it_and_a_resent_batch_does_not_count_them_twice()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        var at = TestEvents.BaseTime;
        var batch = new EventBatch(agentId, 7, at, 12, [TestEvents.Logon(1)],
            [new ChannelLoss("Security", ChannelLossKind.Wrap, 1001, 1500, 500, at), new ChannelLoss("System", ChannelLossKind.Gap, 40, 41, 2, at)]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct)).StatusCode);
        // A batch without losses is not listed.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(TestEvents.Batch(agentId, 8, 1, 2)), Ct)).StatusCode);

        var now = collector.Clock.GetUtcNow();
        var stored = Assert.Single(await collector.Store.ListLossesAsync(now.AddDays(-1), now.AddDays(1), agentId, 100, Ct));
        Assert.Equal((7L, 12L, 502L), (stored.Sequence, stored.Dropped, stored.ChannelRecords));
        Assert.Equal(batch.Losses, stored.Channels);
        Assert.Empty(await collector.Store.ListLossesAsync(now.AddDays(1), now.AddDays(2), null, 100, Ct));
    }
}
