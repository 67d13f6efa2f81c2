namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>How a playbook is drilled (diễn tập): when, who, what is injected, what must follow, how fast.</summary>
public sealed record DrillSpec(
    DrillSchedule? Schedule,
    IReadOnlyList<TimeSpan> Reminders,
    string? Unit,
    IReadOnlyList<DrillParticipant> Participants,
    IReadOnlyList<DrillInject> Injects,
    IReadOnlyList<string> ExpectedDetections,
    IReadOnlyList<ExpectedNotification> ExpectedNotifications,
    DrillTargets Targets);
