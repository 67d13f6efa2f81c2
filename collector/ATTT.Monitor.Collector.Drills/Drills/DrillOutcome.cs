namespace ATTT.Monitor.Collector.Drills;

/// <summary>Where a drill target stands: met in time, late, missed, still open (waiting for its deadline), or without a target.</summary>
public enum DrillOutcome
{
    NoTarget = 0,
    Met = 1,
    Late = 2,
    Missed = 3,
    Waiting = 4,
}
