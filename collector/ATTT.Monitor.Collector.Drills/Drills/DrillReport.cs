namespace ATTT.Monitor.Collector.Drills;

/// <summary>The after-action report (báo cáo sau diễn tập) of one drill run.</summary>
public sealed record DrillReport(
    DrillRun Run,
    string PlaybookTitle,
    DateTimeOffset? FirstInjectAt,
    IReadOnlyList<DrillMeasure> Measures,
    IReadOnlyList<DrillStepResult> Steps,
    IReadOnlyList<long> IncidentIds,
    string? Lessons,
    string? LessonsBy)
{
    /// <summary>Missed when any target was missed or late; waiting while any is still open; met when all were met in time.</summary>
    public DrillOutcome Verdict =>
        Measures.Any(m => m.Outcome is DrillOutcome.Missed or DrillOutcome.Late) ? DrillOutcome.Missed
        : Measures.Any(m => m.Outcome == DrillOutcome.Waiting) ? DrillOutcome.Waiting
        : Measures.Any(m => m.Outcome == DrillOutcome.Met) ? DrillOutcome.Met
        : DrillOutcome.NoTarget;
}
