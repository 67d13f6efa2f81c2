using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>
/// An events.db of version 2 (the schema and rows the previous build wrote: strings in every row,
/// the body as JSON text) opened by this build: same ids, events and counts, compressed with a
/// dictionary trained on its own bodies, searchable, and new ids after the highest ever given.
/// </summary>
public sealed class EventsVersion3MigrationTests : IDisposable
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
    public async Task A_version_2_file_keeps_its_events_ids_and_batches_and_is_searchable()
    {
        var received = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        await CreateVersion2Async(received, events: 300, sequence: 320);

        await using (var store = new SqliteEventStore(new EventsDatabase(DatabasePath), new EventAppendedSignal(), new CommittedEventFeed(0), new EventStoreOptions(),
            NullLogger<SqliteEventStore>.Instance))
        {
            Assert.Equal(300, await store.CountAsync(Ct));
            var all = await store.ReadAfterAsync(0, 1000, Ct);
            Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), all.Select(e => e.Id));
            Assert.All(all, e => Assert.Equal(e.Id, e.Event.RecordId));
            Assert.Equal("PC-2", all[200].Event.Computer);
            Assert.Equal("xa-hai", all[200].Unit);
            Assert.Equal(received, all[200].ReceivedAt);
            Assert.Equal([150L, 149L], (await store.ListByAgentAsync("xa-mot", "a_mot", null, 2, Ct)).Events.Select(e => e.Id));

            var pc1 = await store.SearchAsync(new EventQuery { Units = ["xa-mot"], Host = "pc-1", Limit = 3 }, Ct);
            Assert.Equal([150L, 149L, 148L], pc1.Events.Select(e => e.Id));
            var user = await store.SearchAsync(new EventQuery { Fields = [new EventFieldFilter("TargetUserName", "người.dùng.7")] }, Ct);
            Assert.Equal([7L], user.Events.Select(e => e.Id));
            Assert.Empty((await store.SearchAsync(new EventQuery { Units = ["xa-mot"], Fields = [new EventFieldFilter("TargetUserName", "người.dùng.200")] }, Ct)).Events);

            var agent = new AgentIdentity("a_mot", "xa-mot", "PC-1", false);
            var appended = await store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 99, 2, 1000, computer: "PC-1"), received, Ct);
            Assert.Equal(322, appended.LastEventId);
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        // The migrated events and the two appended after (same PC, so no new source): all compressed with the migration's dictionary.
        command.CommandText = "SELECT COUNT(*) FROM events WHERE dict = 1 AND typeof(body) = 'blob';";
        Assert.Equal(302L, await command.ExecuteScalarAsync(Ct));
        command.CommandText = "SELECT COUNT(*) FROM event_dictionaries;";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
        command.CommandText = "SELECT COUNT(*) FROM event_sources;";
        Assert.Equal(2L, await command.ExecuteScalarAsync(Ct));
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('events') WHERE name IN ('agent_id', 'unit', 'host', 'channel', 'is_drill');";
        Assert.Equal(0L, await command.ExecuteScalarAsync(Ct));
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal((long)EventsDatabase.CurrentVersion, await command.ExecuteScalarAsync(Ct));
    }

    /// <summary>
    /// Version 2 as the previous build's EventsDatabase created it and its writer filled it: the first
    /// half from PC-1 of xa-mot, the second from PC-2 of xa-hai, one batch each; the sequence beyond the
    /// last id, as after deleting the newest events.
    /// </summary>
    private async Task CreateVersion2Async(DateTimeOffset received, int events, int sequence)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync(Ct);
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at INTEGER NOT NULL, time INTEGER NOT NULL, agent_id TEXT NOT NULL,
                    unit TEXT NOT NULL, host TEXT NOT NULL, channel TEXT NOT NULL, event_id INTEGER NOT NULL, is_drill INTEGER NOT NULL, body TEXT NOT NULL);
                CREATE TABLE batches (agent_id TEXT NOT NULL, seq INTEGER NOT NULL, received_at INTEGER NOT NULL, accepted INTEGER NOT NULL,
                    dropped INTEGER NOT NULL, last_event_id INTEGER NOT NULL, losses TEXT, PRIMARY KEY (agent_id, seq)) WITHOUT ROWID;
                CREATE INDEX batches_received_at ON batches (received_at);
                CREATE INDEX batches_agent_events ON batches (agent_id, last_event_id);
                CREATE TABLE event_hours (hour INTEGER NOT NULL, unit TEXT NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (hour, unit)) WITHOUT ROWID;
                PRAGMA user_version = 2;
                """;
            await schema.ExecuteNonQueryAsync(Ct);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO events (received_at, time, agent_id, unit, host, channel, event_id, is_drill, body)
            VALUES ($received, $time, $agent, $unit, $host, 'Security', 4625, 0, CAST($body AS TEXT));
            """;
        var ms = received.ToUnixTimeMilliseconds();
        for (var i = 1; i <= events; i++)
        {
            var odd = i <= events / 2;
            var e = TestEvents.Logon(i, odd ? "PC-1" : "PC-2", user: "người.dùng." + i);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$received", ms);
            insert.Parameters.AddWithValue("$time", (e.TimeCreated.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
            insert.Parameters.AddWithValue("$agent", odd ? "a_mot" : "a_hai");
            insert.Parameters.AddWithValue("$unit", odd ? "xa-mot" : "xa-hai");
            insert.Parameters.AddWithValue("$host", e.Computer);
            insert.Parameters.AddWithValue("$body", Body(e));
            await insert.ExecuteNonQueryAsync(Ct);
        }

        await using var rest = connection.CreateCommand();
        rest.Transaction = transaction;
        rest.CommandText = $"""
            INSERT INTO batches VALUES ('a_mot', 1, {ms}, {events / 2}, 0, {events / 2}, NULL), ('a_hai', 1, {ms}, {events / 2}, 0, {events}, NULL);
            INSERT INTO event_hours VALUES ({ms / 3_600_000}, 'xa-mot', {events / 2}), ({ms / 3_600_000}, 'xa-hai', {events / 2});
            UPDATE sqlite_sequence SET seq = {sequence} WHERE name = 'events';
            """;
        await rest.ExecuteNonQueryAsync(Ct);
        await transaction.CommitAsync(Ct);
    }

    private static byte[] Body(ATTT.Monitor.Events.EventRecord e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            ATTT.Monitor.Events.Wire.EventWireWriter.WriteEvent(writer, e);
        return buffer.WrittenSpan.ToArray();
    }
}
