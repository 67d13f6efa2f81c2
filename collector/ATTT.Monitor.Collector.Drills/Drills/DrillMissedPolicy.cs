namespace ATTT.Monitor.Collector.Drills;

/// <summary><c>Drills:MissedPolicy</c>: <c>report</c> records a missed drill as missed; <c>run_late</c> also runs the latest one at start.</summary>
public enum DrillMissedPolicy
{
    Report = 0,
    RunLate = 1,
}
