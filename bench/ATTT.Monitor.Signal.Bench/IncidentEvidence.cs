using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Signal.Bench;

/// <summary>The events that incidents hold, as <see cref="EventKey"/>s (read from attt.db and events.db).</summary>
internal static class IncidentEvidence
{
    public static async Task<HashSet<EventKey>> ReadAsync(string data)
    {
        var ids = new List<long>();
        var state = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "attt.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        await using (state.ConfigureAwait(false))
        {
            await state.OpenAsync().ConfigureAwait(false);
            await using var command = state.CreateCommand();
            command.CommandText = "SELECT e.event_id FROM incident_events e JOIN incidents i ON i.id = e.incident_id WHERE i.is_drill = 0";
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
                ids.Add(reader.GetInt64(0));
        }

        // events.db stores compressed bodies: read them through the collector's own store.
        var keys = new HashSet<EventKey>();
        var file = Path.Combine(data, EventsDatabase.FileName);
        await using var store = new SqliteEventStore(new EventsDatabase(file), new EventAppendedSignal(), new CommittedEventFeed(0), new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance);
        // Record id 0 is kept as attt scan reports it: OTRF's flattened PowerShell events carry no record id.
        foreach (var stored in await store.GetByIdsAsync(ids, default).ConfigureAwait(false))
            keys.Add(new EventKey(stored.Event.Computer, stored.Event.Channel, stored.Event.RecordId));

        return keys;
    }
}
