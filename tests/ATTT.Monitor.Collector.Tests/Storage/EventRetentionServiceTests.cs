using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The retention job follows the retention an administrator stored, not only the configured one.</summary>
public sealed class EventRetentionServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_retention_job_deletes_by_the_days_set_in_the_dashboard()
    {
        await using var state = await StateDatabaseFixture.CreateAsync([EventRetentionSettings.Migration]);
        using var folder = new TempFolder();
        var options = new EventStoreOptions { RetentionDays = 90, RetentionInterval = TimeSpan.FromHours(1) };
        await using var store = new SqliteEventStore(new EventsDatabase(Path.Combine(folder.Path, EventsDatabase.FileName)), new EventAppendedSignal(), new CommittedEventFeed(0), options, NullLogger<SqliteEventStore>.Instance);
        var clock = new TestClock();
        var settings = new EventRetentionSettings(state.Database, options, new SqliteAuditLog(state.Database), clock);
        var agent = new AgentIdentity("a_ret", "xa", "PC-1", false);
        var now = clock.GetUtcNow();
        await store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 3), now.AddDays(-40), Ct);
        await store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 2, 2, 10), now, Ct);
        Assert.Equal(90, (await settings.GetAsync(Ct)).Days);

        await settings.SetAsync(new Caller("admin", UserRoles.Admin, null), 30, Ct);
        var service = new EventRetentionService(store, options, settings, clock, NullLogger<EventRetentionService>.Instance);
        await service.StartAsync(Ct);
        try
        {
            await Eventually.UntilAsync(async () => await store.CountAsync(Ct) <= 2, "the retention job to apply the stored 30 days");
        }
        finally
        {
            await service.StopAsync(Ct);
        }

        Assert.Equal(2, await store.CountAsync(Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => settings.SetAsync(new Caller("admin", UserRoles.Admin, null), 0, Ct));
    }
}
