using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// The incidents of one PC: those still open, and the posture ones (antivirus, silence) opened and
/// closed over time. Matched by the sending agent's id, not by host name, because a detection's host
/// is the event's own Computer field, which the PC (or an attacker on it) chooses.
/// </summary>
public sealed record PcIncidents(IReadOnlyList<Incident> Open, IReadOnlyList<Incident> Posture)
{
    private const int PageSize = 500;

    // A unit with more open incidents than this has bigger problems than this page's completeness.
    private const int MaxScanned = 5_000;

    public static async Task<PcIncidents> LoadAsync(IIncidentService incidents, AgentInfo agent, UnitScope scope, int maxPosture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(agent);
        var open = await FindAsync(incidents, new IncidentQuery
        {
            Unit = agent.Unit,
            States = [.. Enum.GetValues<IncidentState>().Where(IncidentTransitions.IsOpen)],
        }, agent.AgentId, MaxScanned, scope, cancellationToken);
        var posture = new List<Incident>();
        foreach (var category in new[] { IncidentCategory.ProtectionDisabled, IncidentCategory.AgentSilent })
            posture.AddRange(await FindAsync(incidents, new IncidentQuery { Unit = agent.Unit, Category = category }, agent.AgentId, maxPosture, scope, cancellationToken));
        return new PcIncidents(
            open.OrderByDescending(i => i.Severity).ThenByDescending(i => i.LastSeen).ToList(),
            posture.OrderByDescending(i => i.FirstSeen).Take(maxPosture).ToList());
    }

    private static async Task<List<Incident>> FindAsync(IIncidentService incidents, IncidentQuery query, string agentId, int max, UnitScope scope, CancellationToken cancellationToken)
    {
        var found = new List<Incident>();
        for (var offset = 0; offset < MaxScanned && found.Count < max; offset += PageSize)
        {
            var page = await incidents.QueryAsync(query with { Offset = offset, Limit = PageSize }, scope, cancellationToken);
            found.AddRange(page.Items.Where(i => string.Equals(i.AgentId, agentId, StringComparison.Ordinal)));
            if (page.Items.Count < PageSize)
                break;
        }

        return found.Take(max).ToList();
    }
}
