namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// A kịch bản ứng phó (incident-response playbook) read from a YAML file in <c>playbooks/</c>:
/// what it answers, who acts, the ordered steps and how it is drilled. Format: docs/playbooks.md.
/// </summary>
public sealed record Playbook(
    string Id,
    string Title,
    string Scenario,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<PlaybookRole> Roles,
    IReadOnlyList<PlaybookStep> Steps,
    DrillSpec? Drill,
    string SourcePath)
{
    public PlaybookRole? FindRole(string roleId) => Roles.FirstOrDefault(r => r.Id == roleId);
}
