namespace ATTT.Monitor.Collector.Drills;

/// <summary>What started a drill run (<c>drill_runs.trigger</c>).</summary>
internal static class DrillRunTrigger
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";

    /// <summary>Run at start because its time passed while the collector was down (<c>Drills:MissedPolicy = run_late</c>).</summary>
    public const string Late = "late";
}
