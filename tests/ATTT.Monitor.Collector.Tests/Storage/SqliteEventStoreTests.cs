using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The contract against the embedded store (a real events.db on disk), plus what only it does.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly TempDirectory _folder = new();
    private readonly EventAppendedSignal _signal = new();
    private SqliteEventStore? _store;

    private string DatabasePath => Path.Combine(_folder.Path, EventsDatabase.FileName);

    protected override Task<IEventStore> CreateStoreAsync()
    {
        _store = Open();
        return Task.FromResult<IEventStore>(_store);
    }

    private SqliteEventStore Open(EventStoreOptions? options = null) =>
        new(new EventsDatabase(DatabasePath), _signal, options ?? new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance);

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
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 10), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        await _store!.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var reopened = Open();
        Assert.Equal(10, await reopened.CountAsync(TestContext.Current.CancellationToken));
        var again = await reopened.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 10), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        Assert.True(again.Duplicate);
        Assert.Equal(10, await reopened.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Events_go_to_their_own_file_in_wal_mode_with_full_sync()
    {
        var agent = new AgentIdentity("a_file", "xa", "PC-1", false);
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 1), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        await using var connection = await new EventsDatabase(DatabasePath).OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "SELECT COUNT(*) FROM batches WHERE agent_id = 'a_file' AND seq = 1;";
        Assert.Equal(1L, (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Appending_wakes_the_reader_signal()
    {
        await _signal.WaitAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var agent = new AgentIdentity("a_signal", "xa", "PC-1", false);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var wait = _signal.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken).AsTask();
        await Store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 1), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        await wait;
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15));
    }
}
