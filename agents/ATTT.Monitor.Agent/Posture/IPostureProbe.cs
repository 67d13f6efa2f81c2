namespace ATTT.Monitor.Agent.Posture;

/// <summary>Reads the antivirus posture (WMI on Windows, see <c>WmiPostureProbe.Windows.cs</c>).</summary>
public interface IPostureProbe
{
    Task<PostureReport> ProbeAsync(CancellationToken cancellationToken);
}
