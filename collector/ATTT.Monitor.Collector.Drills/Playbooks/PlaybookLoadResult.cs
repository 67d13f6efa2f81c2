namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>What loading a set of playbook files gave: the valid playbooks and, per invalid file, its errors.</summary>
public sealed record PlaybookLoadResult(IReadOnlyList<Playbook> Playbooks, IReadOnlyList<PlaybookError> Errors)
{
    public int InvalidFiles => Errors.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count();
}
