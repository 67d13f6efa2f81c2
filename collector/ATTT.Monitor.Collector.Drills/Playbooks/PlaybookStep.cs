namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// One step of a playbook, done by <see cref="Role"/> within <see cref="Deadline"/> of the start
/// of the response (detection for a real incident, the first inject for a drill).
/// </summary>
public sealed record PlaybookStep(
    string Id,
    int Number,
    string Role,
    string Action,
    IReadOnlyList<string> Checklist,
    IReadOnlyList<string> Evidence,
    TimeSpan Deadline);
