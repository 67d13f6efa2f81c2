using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>An events.db written before version 1 (three indexes on events, no event_hours) opened by this build.</summary>
public sealed class EventsDatabaseMigrationTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, EventsDatabase.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_old_file_loses_the_event_indexes_and_counts_what_it_already_holds()
    {
        var hour = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var agent = new AgentIdentity("a_old", "xa-cu", "PC-1", false);
        await CreateVersion0Async(hour);

        await using (var store = new SqliteEventStore(new EventsDatabase(DatabasePath), new EventAppendedSignal(), new CommittedEventFeed(0), new EventStoreOptions(),
            NullLogger<SqliteEventStore>.Instance))
        {
            Assert.Equal(3, await store.CountAsync(Ct));
            Assert.Equal([new HourlyCount(hour, 2), new HourlyCount(hour.AddHours(1), 1)], await store.CountPerHourAsync(hour, ["xa-cu"], Ct));
            await store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 3, 2, 50), hour.AddHours(1), Ct);
            Assert.Equal(5, await store.CountAsync(Ct));
            var page = await store.ListByAgentAsync("xa-cu", agent.AgentId, null, 10, Ct);
            Assert.Equal([5L, 4, 3, 2, 1], page.Events.Select(e => e.Id));
            Assert.Equal(2, await store.DeleteOlderThanAsync(hour.AddMinutes(30), Ct));
            Assert.Equal(3, await store.CountAsync(Ct));
            Assert.Equal([new HourlyCount(hour.AddHours(1), 3)], await store.CountPerHourAsync(hour, null, Ct));
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        // Version 3: the old indexes are gone, the search's two are there.
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name);";
        Assert.Equal("events_event_id,events_source_time", await command.ExecuteScalarAsync(Ct) as string);
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)EventsDatabase.CurrentVersion, await command.ExecuteScalarAsync(Ct));
        // Version 2: the batches' losses, committed with each batch.
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('batches') WHERE name = 'losses';";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }

    /// <summary>The schema and rows as the previous build wrote them: two batches, 2 events at 8:10, 1 at 9:10.</summary>
    private async Task CreateVersion0Async(DateTimeOffset hour)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        var first = hour.AddMinutes(10).ToUnixTimeMilliseconds();
        var second = hour.AddMinutes(70).ToUnixTimeMilliseconds();
        command.CommandText = $"""
            PRAGMA journal_mode=WAL;
            CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at INTEGER NOT NULL, time INTEGER NOT NULL, agent_id TEXT NOT NULL,
                unit TEXT NOT NULL, host TEXT NOT NULL, channel TEXT NOT NULL, event_id INTEGER NOT NULL, is_drill INTEGER NOT NULL, body TEXT NOT NULL);
            CREATE INDEX events_received_at ON events (received_at);
            CREATE INDEX events_unit ON events (unit, id);
            CREATE INDEX events_host ON events (host COLLATE NOCASE, id);
            CREATE TABLE batches (agent_id TEXT NOT NULL, seq INTEGER NOT NULL, received_at INTEGER NOT NULL, accepted INTEGER NOT NULL,
                dropped INTEGER NOT NULL, last_event_id INTEGER NOT NULL, PRIMARY KEY (agent_id, seq)) WITHOUT ROWID;
            CREATE INDEX batches_received_at ON batches (received_at);
            INSERT INTO events (received_at, time, agent_id, unit, host, channel, event_id, is_drill, body) VALUES
                ({first}, 0, 'a_old', 'xa-cu', 'PC-1', 'Security', 4625, 0, '{Body(1)}'),
                ({first}, 0, 'a_old', 'xa-cu', 'PC-1', 'Security', 4625, 0, '{Body(2)}'),
                ({second}, 0, 'a_old', 'xa-cu', 'PC-1', 'Security', 4625, 0, '{Body(3)}');
            INSERT INTO batches VALUES ('a_old', 1, {first}, 2, 0, 2), ('a_old', 2, {second}, 1, 0, 3);
            """;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static string Body(long recordId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            ATTT.Monitor.Events.Wire.EventWireWriter.WriteEvent(writer, TestEvents.Logon(recordId));
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("'", "''", StringComparison.Ordinal);
    }
}
