using System.Globalization;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// <see cref="IEventHosts"/> on the embedded store: one query over event_sources, the small table of
/// strings events share (a row per agent, unit, host and channel), so its cost follows the number of
/// sources, not of events.
/// </summary>
internal sealed class SqliteEventHosts(EventsDatabase database) : IEventHosts
{
    public async Task<IReadOnlyList<EventHost>> ListAsync(IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var unitFilter = "";
        if (units is not null)
        {
            if (units.Count == 0)
                return [];
            var names = units.Select((unit, i) =>
            {
                var name = "$u" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(name, unit);
                return name;
            });
            unitFilter = $" AND unit IN ({string.Join(", ", names)})";
        }

        command.CommandText = $"""
            SELECT unit, MIN(host), MIN(agent_id) FROM event_sources
            WHERE is_drill = 0 AND host <> ''{unitFilter}
            GROUP BY unit, host COLLATE NOCASE
            ORDER BY unit, host COLLATE NOCASE;
            """;
        var hosts = new List<EventHost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            hosts.Add(new EventHost(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return hosts;
    }
}
