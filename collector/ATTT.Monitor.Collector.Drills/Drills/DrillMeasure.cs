namespace ATTT.Monitor.Collector.Drills;

/// <summary>One link of the chain in an after-action report: when it happened, how long after the first inject, against its target.</summary>
public sealed record DrillMeasure(string Link, string Label, TimeSpan? Target, DateTimeOffset? At, TimeSpan? Elapsed)
{
    /// <summary>True when measured within target, false when late or never measured, null when there is no target.</summary>
    public bool? Met => Target is null ? null : Elapsed is { } e && e <= Target.Value;
}
