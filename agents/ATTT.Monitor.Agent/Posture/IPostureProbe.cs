using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Reads the posture (WMI on Windows, see <c>WmiPostureProbe.Windows.cs</c>). The report's agent id
/// and observation time are the loop's to set; the probe leaves the id empty.
/// </summary>
public interface IPostureProbe
{
    Task<PostureReport> ProbeAsync(CancellationToken cancellationToken);
}
