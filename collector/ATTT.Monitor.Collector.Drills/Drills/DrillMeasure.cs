namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// One link of the chain in an after-action report: when it happened, how long after the first
/// inject, against its target, and the <see cref="Outcome"/>. A target not reached yet waits until its
/// <see cref="Deadline"/>; it is missed at once when it can no longer happen (detection has read every
/// injected event and no rule fired).
/// </summary>
public sealed record DrillMeasure(string Link, string Label, TimeSpan? Target, DateTimeOffset? At, TimeSpan? Elapsed, DrillOutcome Outcome, DateTimeOffset? Deadline)
{
    /// <summary>True when met in time, false when late or missed, null when there is no target or it is still open.</summary>
    public bool? Met => Outcome switch
    {
        DrillOutcome.Met => true,
        DrillOutcome.Late or DrillOutcome.Missed => false,
        _ => null,
    };
}
