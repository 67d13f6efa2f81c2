using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The contract against the embedded store (a real events.db on disk), plus what only it does.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly TempFolder _folder = new();
    private readonly EventAppendedSignal _signal = new();
    private readonly CommittedEventFeed _feed = new(1000);
    private SqliteEventStore? _store;

    private string DatabasePath => Path.Combine(_folder.Path, EventsDatabase.FileName);

    protected override Task<IEventStore> CreateStoreAsync()
    {
        _store = Open();
        return Task.FromResult<IEventStore>(_store);
    }

    private SqliteEventStore Open(EventStoreOptions? options = null) =>
        new(new EventsDatabase(DatabasePath), _signal, _feed, options ?? new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance);

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Stored_batches_and_their_sequence_numbers_survive_reopening_the_file()
    {
        var agent = new AgentIdentity("a_reopen", "xa", "PC-1", false);
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 10), TestClock.DefaultStart, TestContext.Current.CancellationToken);
        await _store!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var reopened = Open();
        Assert.Equal(10, await reopened.CountAsync(TestContext.Current.CancellationToken));
        var again = await reopened.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 10), TestClock.DefaultStart, TestContext.Current.CancellationToken);
        Assert.True(again.Duplicate);
        Assert.Equal(10, await reopened.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_agents_events_are_paged_through_its_batches_id_ranges_even_when_the_cursor_falls_inside_a_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = new AgentIdentity("a_rows", "xa-rows", "PC-1", false);
        var neighbour = new AgentIdentity("a_next", "xa-rows", "PC-2", false);
        var sizes = new[] { 75, 32, 5 };
        var results = new List<AppendResult>();
        var first = 1;
        for (var i = 0; i < sizes.Length; i++)
        {
            results.Add(await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, i + 1, sizes[i], first), TestEvents.BaseTime, ct));
            first += sizes[i];
            await Store.AppendBatchAsync(neighbour, TestEvents.Batch(neighbour.AgentId, i + 1, 3, 1000 + i * 3), TestEvents.BaseTime, ct);
        }

        // Ids: agent 1-75, neighbour 76-78, agent 79-110, neighbour 111-113, agent 114-118, neighbour 119-121.
        Assert.Equal([75L, 110, 118], results.Select(r => r.LastEventId));
        Assert.Equal(121, await Store.CountAsync(ct));
        var page = await Store.ListByAgentAsync("xa-rows", agent.AgentId, 85, 10, ct);
        Assert.Equal([84L, 83, 82, 81, 80, 79, 75, 74, 73, 72], page.Events.Select(e => e.Id));
        Assert.Equal(72, page.NextBeforeId);
        var newest = await Store.ListByAgentAsync("xa-rows", agent.AgentId, null, 6, ct);
        Assert.Equal([118L, 117, 116, 115, 114, 110], newest.Events.Select(e => e.Id));
        Assert.Empty((await Store.ListByAgentAsync("xa-other", agent.AgentId, null, 6, ct)).Events);
    }

    [Fact]
    public async Task Events_go_to_their_own_file_in_wal_mode_with_full_sync()
    {
        var agent = new AgentIdentity("a_file", "xa", "PC-1", false);
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 1), TestClock.DefaultStart, TestContext.Current.CancellationToken);
        await using var connection = await new EventsDatabase(DatabasePath).OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "SELECT COUNT(*) FROM batches WHERE agent_id = 'a_file' AND seq = 1;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        // Compressed (zstd) in a blob: the user name is not readable in the file, the store reads it back.
        command.CommandText = "SELECT typeof(body), instr(body, CAST('nguyễn.văn.a' AS BLOB)) > 0, dict FROM events;";
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal("blob", reader.GetString(0));
            Assert.Equal(0L, reader.GetInt64(1));
            Assert.Equal(0L, reader.GetInt64(2));
        }

        var read = await Store.GetByIdsAsync([1], TestContext.Current.CancellationToken);
        Assert.True(read[0].Event.TryGetField("TargetUserName", out var user));
        Assert.Equal("nguyễn.văn.a", user);
    }

    [Fact]
    public async Task Appending_wakes_the_reader_signal()
    {
        await _signal.WaitAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var agent = new AgentIdentity("a_signal", "xa", "PC-1", false);
        // The wait's own limit (an hour) is far beyond the test's, so only the notification can end it.
        var wait = _signal.WaitAsync(TimeSpan.FromHours(1), TestContext.Current.CancellationToken).AsTask();
        Assert.False(wait.IsCompleted);
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 1), TestClock.DefaultStart, TestContext.Current.CancellationToken);
        await wait.WaitAsync(Eventually.DefaultLimit, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Committed_events_are_handed_to_detection_as_reading_them_back_gives_them()
    {
        var agent = new AgentIdentity("a_feed", "xa", "PC-1", true);
        var batch = TestEvents.Batch(agent.AgentId, 1, 3);
        // Numbers the stored JSON writes in another notation: the hand-off must give what the store gives.
        batch = batch with
        {
            Events =
            [
                .. batch.Events,
                new EventRecord
                {
                    EventId = 1, Channel = "Application", TimeCreated = TestEvents.BaseTime, PayloadKind = EventPayloadKind.EventData,
                    Fields = [new EventField("Ratio", "1.50", EventValueKind.Float), new EventField("Zero", "-0", EventValueKind.Integer), new EventField("Big", "18446744073709551615", EventValueKind.Integer)],
                },
            ],
        };
        await Store.AppendBatchAsync(agent, batch, TestClock.DefaultStart, TestContext.Current.CancellationToken);
        var duplicate = await Store.AppendBatchAsync(agent, batch, TestClock.DefaultStart, TestContext.Current.CancellationToken);
        Assert.True(duplicate.Duplicate);

        var handed = _feed.TryTake(0, 100);
        var stored = await Store.ReadAfterAsync(0, 100, TestContext.Current.CancellationToken);
        Assert.NotNull(handed);
        Assert.Equal(4, stored.Count);
        Assert.Equal(stored.Count, handed.Count); // the duplicate was not handed over again
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(stored[i] with { Event = null! }, handed[i] with { Event = null! });
            Assert.Equal(Json(stored[i].Event), Json(handed[i].Event));
            Assert.Equal(stored[i].Event.Fields, handed[i].Event.Fields);
        }

        Assert.Equal("1.5", handed[3].Event.Fields[0].Value);
        Assert.Null(_feed.TryTake(4, 100));
    }

    private static string Json(EventRecord e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            EventWireWriter.WriteEvent(writer, e);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
