using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>
/// What every <see cref="IEventStore"/> must do. Each implementation's test class derives from this
/// and provides a fresh, empty store; every test uses its own agent ids and units so that a shared
/// backend (Elasticsearch) does not mix tests.
/// </summary>
public abstract class EventStoreContract : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    protected IEventStore Store { get; private set; } = null!;

    /// <summary>A fresh store; called once per test.</summary>
    protected abstract Task<IEventStore> CreateStoreAsync();

    /// <summary>Make stored events visible to searches (Elasticsearch refresh); nothing for SQLite.</summary>
    protected virtual Task RefreshAsync() => Task.CompletedTask;

    protected virtual ValueTask DisposeStoreAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync() => Store = await CreateStoreAsync();

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return DisposeStoreAsync();
    }

    private AgentIdentity Agent(string name, string unit = "xa-sang-moc", bool drill = false) =>
        new($"a_{name}_{_run}", $"{unit}-{_run}", "PC-" + name, drill);

    private string Unit(string unit = "xa-sang-moc") => $"{unit}-{_run}";

    private static readonly DateTimeOffset Received = new(2026, 11, 27, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task Appended_events_are_read_back_in_order_with_the_senders_identity()
    {
        var agent = Agent("one", drill: true);
        var before = await LastIdAsync();
        var result = await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 3), Received, TestContext.Current.CancellationToken);
        Assert.Equal(new AppendResult(1, 3, false, result.LastEventId), result);

        var read = await ReadOwnAsync(before, agent);
        Assert.Equal(3, read.Count);
        Assert.True(read[0].Id < read[1].Id && read[1].Id < read[2].Id);
        Assert.Equal(result.LastEventId, read[2].Id);
        Assert.All(read, e =>
        {
            Assert.Equal(agent.AgentId, e.AgentId);
            Assert.Equal(agent.Unit, e.Unit);
            Assert.True(e.IsDrill);
            Assert.Equal(Received, e.ReceivedAt);
        });
        var first = read[0].Event;
        var expected = TestEvents.Logon(1);
        Assert.Equal(expected.TimeCreated, first.TimeCreated);
        Assert.Equal(expected.Keywords, first.Keywords);
        Assert.Equal(expected.ProviderGuid, first.ProviderGuid);
        Assert.Equal(expected.Fields, first.Fields);
        Assert.True(first.TryGetField("TargetUserName", out var user));
        Assert.Equal("nguyễn.văn.a", user);
    }

    [Fact]
    public async Task A_batch_sent_twice_is_stored_once()
    {
        var agent = Agent("twice");
        var before = await LastIdAsync();
        var batch = TestEvents.Batch(agent.AgentId, 7, 5);
        var first = await Store.AppendBatchAsync(agent, batch, Received, TestContext.Current.CancellationToken);
        var second = await Store.AppendBatchAsync(agent, batch, Received, TestContext.Current.CancellationToken);
        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(7, second.Sequence);
        Assert.Equal(5, (await ReadOwnAsync(before, agent)).Count);

        // The same sequence number from another agent is another batch.
        var other = Agent("other");
        var third = await Store.AppendBatchAsync(other, TestEvents.Batch(other.AgentId, 7, 2), Received, TestContext.Current.CancellationToken);
        Assert.False(third.Duplicate);
    }

    [Fact]
    public async Task Concurrent_batches_from_many_agents_are_all_stored_with_distinct_increasing_ids()
    {
        var before = await LastIdAsync();
        var agents = Enumerable.Range(0, 8).Select(i => Agent("many" + i)).ToList();
        var tasks = agents.SelectMany(a => Enumerable.Range(1, 5).Select(seq =>
            Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, seq, 20, seq * 100), Received, TestContext.Current.CancellationToken))).ToList();
        // Replays racing with the originals must still be stored once.
        tasks.AddRange(agents.Select(a => Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 3, 20, 300), Received, TestContext.Current.CancellationToken)));
        await Task.WhenAll(tasks);

        var ids = new List<long>();
        foreach (var agent in agents)
        {
            var own = await ReadOwnAsync(before, agent);
            Assert.Equal(100, own.Count);
            Assert.Equal(100, own.Select(e => e.Event.RecordId).Distinct().Count());
            ids.AddRange(own.Select(e => e.Id));
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(agents.Count, tasks.Count(t => t.Result.Duplicate));
    }

    [Fact]
    public async Task Read_after_pages_through_events_without_gaps()
    {
        var agent = Agent("pages");
        var before = await LastIdAsync();
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 25), Received, TestContext.Current.CancellationToken);
        var seen = new List<StoredEvent>();
        var after = before;
        while (true)
        {
            var page = await Store.ReadAfterAsync(after, 7, TestContext.Current.CancellationToken);
            if (page.Count == 0)
                break;
            Assert.True(page.Count <= 7);
            seen.AddRange(page.Where(e => e.AgentId == agent.AgentId));
            after = page[^1].Id;
        }

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), seen.Select(e => e.Event.RecordId));
    }

    [Fact]
    public async Task Get_by_ids_returns_the_requested_events()
    {
        var agent = Agent("byid");
        var before = await LastIdAsync();
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 4), Received, TestContext.Current.CancellationToken);
        var own = await ReadOwnAsync(before, agent);
        var got = await Store.GetByIdsAsync([own[3].Id, own[1].Id, 987_654_321_000], TestContext.Current.CancellationToken);
        Assert.Equal([own[1].Id, own[3].Id], got.Select(e => e.Id));
        Assert.Equal(4, got[1].Event.RecordId);
    }

    [Fact]
    public async Task Search_filters_by_unit_host_channel_event_id_time_and_text_newest_first()
    {
        var a = Agent("search-a", "xa-a");
        var b = Agent("search-b", "xa-b");
        var batchA = new EventBatch(a.AgentId, 1, Received, 0,
        [
            TestEvents.Logon(1, "PC-A1", user: "Trần Thị Bích"),
            TestEvents.Logon(2, "PC-A2", eventId: 4624),
            TestEvents.Logon(3, "PC-A1", channel: "System", eventId: 7045),
        ]);
        await Store.AppendBatchAsync(a, batchA, Received, TestContext.Current.CancellationToken);
        await Store.AppendBatchAsync(b, TestEvents.Batch(b.AgentId, 1, 2, 10, computer: "PC-B1"), Received, TestContext.Current.CancellationToken);
        await RefreshAsync();
        var ct = TestContext.Current.CancellationToken;

        var unitA = await Store.SearchAsync(new EventQuery { Units = [Unit("xa-a")] }, ct);
        Assert.Equal([3L, 2L, 1L], unitA.Events.Select(e => e.Event.RecordId));
        Assert.Null(unitA.Next);
        Assert.Empty((await Store.SearchAsync(new EventQuery { Units = [] }, ct)).Events);

        var both = new[] { Unit("xa-a"), Unit("xa-b") };
        Assert.Equal(5, (await Store.SearchAsync(new EventQuery { Units = both }, ct)).Events.Count);
        Assert.Equal([3L, 1L], (await Store.SearchAsync(new EventQuery { Units = both, Host = "pc-a1" }, ct)).Events.Select(e => e.Event.RecordId));
        Assert.Equal([3L], (await Store.SearchAsync(new EventQuery { Units = both, Channel = "System" }, ct)).Events.Select(e => e.Event.RecordId));
        Assert.Equal([2L], (await Store.SearchAsync(new EventQuery { Units = both, EventId = 4624 }, ct)).Events.Select(e => e.Event.RecordId));
        Assert.Equal([1L], (await Store.SearchAsync(new EventQuery { Units = both, Text = "thị bích" }, ct)).Events.Select(e => e.Event.RecordId));
        var window = new EventQuery { Units = both, From = TestEvents.BaseTime.AddSeconds(2), To = TestEvents.BaseTime.AddSeconds(11) };
        Assert.Equal([10L, 3L, 2L], (await Store.SearchAsync(window, ct)).Events.Select(e => e.Event.RecordId));

        var page1 = await Store.SearchAsync(new EventQuery { Units = both, Limit = 2 }, ct);
        Assert.Equal(2, page1.Events.Count);
        Assert.NotNull(page1.Next);
        var page2 = await Store.SearchAsync(new EventQuery { Units = both, Limit = 2, Before = page1.Next }, ct);
        var page3 = await Store.SearchAsync(new EventQuery { Units = both, Limit = 2, Before = page2.Next }, ct);
        Assert.Null(page3.Next);
        // Newest first by the events' own time, whichever batch brought them.
        Assert.Equal([11L, 10L, 3L, 2L, 1L], page1.Events.Concat(page2.Events).Concat(page3.Events).Select(e => e.Event.RecordId));

        var field = new EventFieldFilter("TargetUserName", "TRẦN THỊ BÍCH");
        Assert.Equal([1L], (await Store.SearchAsync(new EventQuery { Units = both, Fields = [field] }, ct)).Events.Select(e => e.Event.RecordId));
        Assert.Equal([2L], (await Store.SearchAsync(new EventQuery { Units = both, Fields = [new EventFieldFilter("EventID", "4624")] }, ct)).Events.Select(e => e.Event.RecordId));
        Assert.Empty((await Store.SearchAsync(new EventQuery { Units = both, Fields = [field, new EventFieldFilter("LogonType", "2")] }, ct)).Events);
        Assert.Empty((await Store.SearchAsync(new EventQuery { Units = [Unit("xa-b")], Fields = [field] }, ct)).Events);
    }

    [Fact]
    public async Task Search_leaves_out_drill_events_unless_asked()
    {
        var real = Agent("real", "xa-drill");
        var drill = Agent("drill", "xa-drill", drill: true);
        await Store.AppendBatchAsync(real, TestEvents.Batch(real.AgentId, 1, 1), Received, TestContext.Current.CancellationToken);
        await Store.AppendBatchAsync(drill, TestEvents.Batch(drill.AgentId, 1, 2), Received, TestContext.Current.CancellationToken);
        await RefreshAsync();
        var units = new[] { Unit("xa-drill") };
        Assert.Single((await Store.SearchAsync(new EventQuery { Units = units }, TestContext.Current.CancellationToken)).Events);
        Assert.Equal(3, (await Store.SearchAsync(new EventQuery { Units = units, IncludeDrill = true }, TestContext.Current.CancellationToken)).Events.Count);
    }

    [Fact]
    public async Task Count_per_hour_groups_by_hour_of_receipt_for_the_units_asked()
    {
        var a = Agent("hourly", "xa-hour");
        var hour = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        await Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 1, 3), hour.AddMinutes(5), TestContext.Current.CancellationToken);
        await Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 2, 2), hour.AddMinutes(70), TestContext.Current.CancellationToken);
        await Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 3, 9), hour.AddHours(-3), TestContext.Current.CancellationToken);
        await RefreshAsync();
        var counts = await Store.CountPerHourAsync(hour, [Unit("xa-hour")], TestContext.Current.CancellationToken);
        Assert.Equal([new HourlyCount(hour, 3), new HourlyCount(hour.AddHours(1), 2)], counts);
        Assert.Empty(await Store.CountPerHourAsync(hour, [], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Delete_older_than_removes_only_events_received_before_the_cutoff()
    {
        var a = Agent("old", "xa-old");
        var now = TestClock.DefaultStart;
        var before = await LastIdAsync();
        await Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 1, 3), now.AddDays(-400), TestContext.Current.CancellationToken);
        await Store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 2, 2, 10), now, TestContext.Current.CancellationToken);
        await RefreshAsync();
        var total = await Store.CountAsync(TestContext.Current.CancellationToken);
        Assert.True(await Store.DeleteOlderThanAsync(now.AddDays(-399), TestContext.Current.CancellationToken) >= 3);
        await RefreshAsync();
        Assert.Equal([10L, 11L], (await ReadOwnAsync(before, a)).Select(e => e.Event.RecordId));
        Assert.Equal(total - 3, await Store.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task List_by_agent_pages_one_agents_events_newest_first_whatever_their_computer_field()
    {
        var pc = Agent("pc-list", "xa-pc");
        var neighbour = Agent("pc-other", "xa-pc");
        var ct = TestContext.Current.CancellationToken;
        // The Computer field is the event's own claim: another agent may claim the same name.
        await Store.AppendBatchAsync(pc, TestEvents.Batch(pc.AgentId, 1, 3, computer: "PC-KHAC"), Received, ct);
        await Store.AppendBatchAsync(neighbour, TestEvents.Batch(neighbour.AgentId, 1, 2, 50, computer: pc.Host), Received, ct);
        await Store.AppendBatchAsync(pc, TestEvents.Batch(pc.AgentId, 2, 2, 10), Received, ct);
        await RefreshAsync();

        var first = await Store.ListByAgentAsync(Unit("xa-pc"), pc.AgentId, null, 3, ct);
        Assert.Equal([11L, 10L, 3L], first.Events.Select(e => e.Event.RecordId));
        Assert.All(first.Events, e => Assert.Equal(pc.AgentId, e.AgentId));
        Assert.NotNull(first.NextBeforeId);
        var second = await Store.ListByAgentAsync(Unit("xa-pc"), pc.AgentId, first.NextBeforeId, 3, ct);
        Assert.Equal([2L, 1L], second.Events.Select(e => e.Event.RecordId));
        Assert.Null(second.NextBeforeId);

        // The unit is part of the key: the same agent id asked for under another unit has nothing.
        Assert.Empty((await Store.ListByAgentAsync(Unit("xa-khac"), pc.AgentId, null, 10, ct)).Events);
        Assert.Empty((await Store.ListByAgentAsync(Unit("xa-pc"), "a_khong_co_" + _run, null, 10, ct)).Events);
    }

    protected async Task<long> LastIdAsync()
    {
        long last = 0;
        while (true)
        {
            var page = await Store.ReadAfterAsync(last, 1000, TestContext.Current.CancellationToken);
            if (page.Count == 0)
                return last;
            last = page[^1].Id;
        }
    }

    private async Task<List<StoredEvent>> ReadOwnAsync(long after, AgentIdentity agent)
    {
        await RefreshAsync();
        var result = new List<StoredEvent>();
        while (true)
        {
            var page = await Store.ReadAfterAsync(after, 500, TestContext.Current.CancellationToken);
            if (page.Count == 0)
                return result;
            result.AddRange(page.Where(e => e.AgentId == agent.AgentId));
            after = page[^1].Id;
        }
    }

    protected static EventRecord Sample(long recordId) => TestEvents.Logon(recordId);
}
