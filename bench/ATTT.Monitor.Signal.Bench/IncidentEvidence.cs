using System.Text.Json;
using Microsoft.Data.Sqlite;

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

        var keys = new HashSet<EventKey>();
        var events = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "events.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        await using (events.ConfigureAwait(false))
        {
            await events.OpenAsync().ConfigureAwait(false);
            await using var command = events.CreateCommand();
            command.CommandText = "SELECT body FROM events WHERE id = $id";
            var id = command.Parameters.Add("$id", SqliteType.Integer);
            foreach (var eventId in ids)
            {
                id.Value = eventId;
                if (await command.ExecuteScalarAsync().ConfigureAwait(false) is not string body)
                    continue;
                using var doc = JsonDocument.Parse(body);
                var e = doc.RootElement;
                if (e.TryGetProperty("record_id", out var record) && record.ValueKind == JsonValueKind.Number)
                    keys.Add(new EventKey(Text(e, "computer"), Text(e, "channel"), record.GetInt64()));
            }
        }

        return keys;
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
}
