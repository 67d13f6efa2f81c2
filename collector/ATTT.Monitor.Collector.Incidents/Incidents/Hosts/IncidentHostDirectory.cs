using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents.Hosts;

/// <summary>
/// The PCs incidents name, within a <see cref="UnitScope"/> (drill incidents left out), so that the
/// dashboard lists hosts no agent is enrolled for, and counts the open incidents of each agent.
/// </summary>
public sealed class IncidentHostDirectory(EmbeddedDatabase database)
{
    /// <summary>Every (unit, host) named by a real incident, by unit then host.</summary>
    public async Task<IReadOnlyList<IncidentHost>> ListAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = IncidentFilter.Build(command, new IncidentQuery(), scope);
        command.CommandText = $"""
            SELECT unit, host, COUNT(*),
                   SUM(CASE WHEN state IN ('new', 'in_progress') THEN 1 ELSE 0 END),
                   MAX(CASE WHEN state IN ('new', 'in_progress') THEN severity END),
                   MAX(last_seen),
                   MAX(agent_id)
            FROM incidents WHERE {where}
            GROUP BY unit, host ORDER BY unit, host COLLATE NOCASE;
            """;
        var hosts = new List<IncidentHost>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hosts.Add(new IncidentHost(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3),
                r.IsDBNull(4) ? null : (IncidentSeverity)r.GetInt32(4), DbTime.Read(r, 5), r.IsDBNull(6) ? null : r.GetString(6)));
        }

        return hosts;
    }

    /// <summary>Open real incidents per enrolled agent: how many, and the most severe.</summary>
    public async Task<IReadOnlyDictionary<string, (long Open, IncidentSeverity Top)>> OpenByAgentAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = IncidentFilter.Build(command, new IncidentQuery { States = [IncidentState.New, IncidentState.InProgress] }, scope);
        command.CommandText = $"SELECT agent_id, COUNT(*), MAX(severity) FROM incidents WHERE {where} AND agent_id IS NOT NULL GROUP BY agent_id;";
        var open = new Dictionary<string, (long, IncidentSeverity)>(StringComparer.Ordinal);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            open[r.GetString(0)] = (r.GetInt64(1), (IncidentSeverity)r.GetInt32(2));
        return open;
    }
}
