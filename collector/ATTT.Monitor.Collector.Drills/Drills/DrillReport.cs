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
    string? LessonsBy);
