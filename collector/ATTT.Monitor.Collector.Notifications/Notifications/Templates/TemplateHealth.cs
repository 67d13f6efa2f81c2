namespace ATTT.Monitor.Collector.Notifications.Templates;

/// <summary>
/// The template problems found by the last check (<see cref="TemplateCheck"/>) and any met while
/// rendering since, for the dashboard. Held in memory: the check runs again at every start.
/// </summary>
public sealed class TemplateHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private List<TemplateProblem> _problems = [];

    public DateTimeOffset? CheckedAt { get; private set; }

    public IReadOnlyList<TemplateProblem> Problems
    {
        get
        {
            lock (_gate)
                return [.. _problems];
        }
    }

    public void Replace(IReadOnlyList<TemplateProblem> problems)
    {
        lock (_gate)
        {
            _problems = [.. problems];
            CheckedAt = time.GetUtcNow();
        }
    }

    public void Report(TemplateProblem problem)
    {
        lock (_gate)
        {
            if (!_problems.Contains(problem))
                _problems.Add(problem);
        }
    }
}
