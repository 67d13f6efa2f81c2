using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>An immutable view of the disablements and active filters, swapped whole after each change.</summary>
public sealed class SuppressionSnapshot
{
    private readonly HashSet<(string RuleId, string Unit)> _disabled;
    private readonly Dictionary<string, RuleFilter[]> _filters;

    public SuppressionSnapshot(IEnumerable<RuleDisablement> disablements, IEnumerable<RuleFilter> filters)
    {
        Disablements = disablements.ToList();
        Filters = filters.ToList();
        _disabled = Disablements.Select(d => (d.RuleId, d.Unit)).ToHashSet();
        _filters = Filters.GroupBy(f => f.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static SuppressionSnapshot Empty { get; } = new([], []);

    public IReadOnlyList<RuleDisablement> Disablements { get; }

    public IReadOnlyList<RuleFilter> Filters { get; }

    public bool IsDisabled(string ruleId, string unit) =>
        _disabled.Contains((ruleId, SuppressionUnits.All)) || _disabled.Contains((ruleId, unit));

    /// <summary>The first active filter of the rule that matches the event, or null.</summary>
    public RuleFilter? MatchingFilter(string ruleId, StoredEvent storedEvent, SigmaFieldResolver? fields = null)
    {
        if (!_filters.TryGetValue(ruleId, out var filters))
            return null;
        foreach (var filter in filters)
        {
            if (filter.Matches(storedEvent.Unit, storedEvent, fields))
                return filter;
        }

        return null;
    }
}
