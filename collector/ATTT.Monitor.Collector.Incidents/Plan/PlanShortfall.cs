namespace ATTT.Monitor.Collector.Plan;

/// <summary>Why a PC falls short of the minimum configuration (keys the dashboard and report translate).</summary>
internal static class PlanShortfall
{
    public const string Ram = "ram", Windows = "windows", Disk = "disk", Unknown = "unknown";
}
