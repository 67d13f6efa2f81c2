using ATTT.Monitor.Collector.Incidents.Hosts;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// A host with no agent enrolled under its name in its unit: named by incidents (<see cref="Incidents"/>),
/// by stored events (<see cref="SeenInEvents"/>), or both. Its page is <c>/pcs/host</c>.
/// </summary>
public sealed record OtherHost(string Unit, string Host, IncidentHost? Incidents, bool SeenInEvents);
