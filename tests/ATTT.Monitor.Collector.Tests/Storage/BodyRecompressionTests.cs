using System.Buffers;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>
/// Bodies stored before the first dictionary are rewritten with it in the background, on a real
/// events.db: they read back exactly as before, take less room, and a batch interrupted before its
/// commit loses nothing.
/// </summary>
public sealed class BodyRecompressionTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempFolder _folder = new();
    private readonly AgentIdentity _agent = new("a_re", "xa", "PC-1", false);

    private string DatabasePath => Path.Combine(_folder.Path, EventsDatabase.FileName);

    private SqliteEventStore Open() =>
        new(new EventsDatabase(DatabasePath), new EventAppendedSignal(), new CommittedEventFeed(0), new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Rows_written_before_the_first_dictionary_read_back_identical_after_their_rewrite()
    {
        await using var store = Open();
        await store.AppendBatchAsync(_agent, TestEvents.Batch(_agent.AgentId, 1, 300), TestClock.DefaultStart, Ct);
        var before = await ReadAsJsonAsync(store, 300);
        var plainBytes = await ScalarAsync("SELECT SUM(length(body)) FROM events WHERE id <= 300;");
        Assert.Equal(300, await ScalarAsync("SELECT COUNT(*) FROM events WHERE dict = 0;"));

        for (var seq = 2; seq <= 6; seq++)
            await store.AppendBatchAsync(_agent, TestEvents.Batch(_agent.AgentId, seq, 1000, seq * 1000L), TestClock.DefaultStart, Ct);
        await store.DictionaryTraining;
        await store.WhenBodiesRecompressedAsync(Ct);

        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM events WHERE dict <> (SELECT MAX(id) FROM event_dictionaries);"));
        Assert.Equal(before, await ReadAsJsonAsync(store, 300));
        var rewrittenBytes = await ScalarAsync("SELECT SUM(length(body)) FROM events WHERE id <= 300;");
        Assert.True(rewrittenBytes < plainBytes / 2, $"{plainBytes} bytes before, {rewrittenBytes} after");
        Assert.Equal(5300, await store.CountAsync(Ct));
    }

    [Fact]
    public async Task A_rewrite_interrupted_before_its_commit_loses_nothing_and_the_next_start_finishes_it()
    {
        await using (var first = Open())
            await first.AppendBatchAsync(_agent, TestEvents.Batch(_agent.AgentId, 1, 300), TestClock.DefaultStart, Ct);
        string[] before;
        await using (var reader = Open())
            before = await ReadAsJsonAsync(reader, 300);

        // A process stops in the middle of a batch: its rows are deleted and only half put back, the
        // transaction never commits (as after kill -9 or power loss, the uncommitted WAL frames are ignored).
        SqliteConnection.ClearAllPools();
        await using (var connection = await new EventsDatabase(DatabasePath).OpenAsync(Ct))
        {
            var rows = new List<(StoredRow Old, long Dictionary, byte[] Body)>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT id, received_at, time, source, event_id, dict, body FROM events ORDER BY id LIMIT 150;";
                await using var r = await select.ExecuteReaderAsync(Ct);
                while (await r.ReadAsync(Ct))
                    rows.Add((new StoredRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), (byte[])r.GetValue(6)), 0, [1, 2, 3]));
            }

            var transaction = connection.BeginTransaction();
            new RecompressionBatch(new RecompressionState(1, 0, 300), 151, rows).Apply(connection, transaction);
            await using (var more = connection.CreateCommand())
            {
                more.Transaction = transaction;
                more.CommandText = "DELETE FROM events WHERE id > 150;";
                await more.ExecuteNonQueryAsync(Ct);
            }

            // No commit, no rollback: the connection goes away with the transaction open.
        }

        SqliteConnection.ClearAllPools();
        await using var store = Open();
        Assert.Equal(before, await ReadAsJsonAsync(store, 300));
        for (var seq = 2; seq <= 6; seq++)
            await store.AppendBatchAsync(_agent, TestEvents.Batch(_agent.AgentId, seq, 1000, seq * 1000L), TestClock.DefaultStart, Ct);
        await store.DictionaryTraining;
        await store.WhenBodiesRecompressedAsync(Ct);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM events WHERE dict = 0;"));
        Assert.Equal(before, await ReadAsJsonAsync(store, 300));
    }

    private static async Task<string[]> ReadAsJsonAsync(SqliteEventStore store, int count)
    {
        var events = await store.GetByIdsAsync([.. Enumerable.Range(1, count).Select(i => (long)i)], Ct);
        Assert.Equal(count, events.Count);
        var buffer = new ArrayBufferWriter<byte>();
        return [.. events.Select(e => $"{e.Id} {e.AgentId} {e.Unit} {e.ReceivedAt:O} {EventJson.Serialize(e.Event, buffer)}")];
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await new EventsDatabase(DatabasePath).OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
