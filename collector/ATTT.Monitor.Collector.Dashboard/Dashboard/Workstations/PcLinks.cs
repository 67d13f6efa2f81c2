using ATTT.Monitor.Collector.Incidents;
using Microsoft.AspNetCore.WebUtilities;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// Where a host name links: the enrolled agent's PC page when the incident came from that agent and
/// carries its host name, otherwise the page of the host as events name it (<c>/pcs/host</c>).
/// </summary>
internal static class PcLinks
{
    public static string For(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Host(incident.Unit, incident.Host);
    }

    public static string Agent(string agentId) => "/pcs/" + Uri.EscapeDataString(agentId);

    public static string Host(string unit, string host) =>
        QueryHelpers.AddQueryString("/pcs/host", new Dictionary<string, string?> { ["unit"] = unit, ["name"] = host });
}
