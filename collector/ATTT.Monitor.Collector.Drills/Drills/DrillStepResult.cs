namespace ATTT.Monitor.Collector.Drills;

/// <summary>A playbook step in an after-action report: who signed it off and when, against its deadline.</summary>
public sealed record DrillStepResult(int Number, string StepId, string Role, string Action, TimeSpan Deadline, string? SignedBy, DateTimeOffset? SignedAt, TimeSpan? Elapsed, string? Note)
{
    public bool Done => SignedAt is not null;

    public bool OnTime => Elapsed is { } e && e <= Deadline;
}
