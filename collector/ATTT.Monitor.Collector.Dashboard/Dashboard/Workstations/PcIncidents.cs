using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// The incidents of one PC: one page of those still open (most severe first), and the posture ones
/// (antivirus, silence) opened and closed over time. Matched by the sending agent's id, not by host
/// name, because a detection's host is the event's own Computer field, which the PC (or an attacker
/// on it) chooses.
/// </summary>
public sealed record PcIncidents(IncidentPage Open, IReadOnlyList<Incident> Posture)
{
    public const int OpenPageSize = 25;

    /// <summary><paramref name="openPage"/> counts from 1.</summary>
    public static async Task<PcIncidents> LoadAsync(IIncidentService incidents, AgentInfo agent, UnitScope scope, int maxPosture, int openPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(agent);
        var open = await incidents.QueryAsync(new IncidentQuery
        {
            Unit = agent.Unit,
            AgentId = agent.AgentId,
            States = [.. Enum.GetValues<IncidentState>().Where(IncidentTransitions.IsOpen)],
            Offset = (Math.Max(1, openPage) - 1) * OpenPageSize,
            Limit = OpenPageSize,
        }, scope, cancellationToken);
        var posture = new List<Incident>();
        foreach (var category in new[] { IncidentCategory.ProtectionDisabled, IncidentCategory.AgentSilent })
        {
            var page = await incidents.QueryAsync(new IncidentQuery { Unit = agent.Unit, AgentId = agent.AgentId, Category = category, Limit = maxPosture }, scope, cancellationToken);
            posture.AddRange(page.Items);
        }

        return new PcIncidents(open, posture.OrderByDescending(i => i.FirstSeen).Take(maxPosture).ToList());
    }
}
