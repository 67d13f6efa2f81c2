using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>
/// Which parsed rules a profile loads (status, level, excluded ids). A rule or correlation that an
/// included correlation refers to (directly or along a chain) is loaded whatever its own status or
/// level, since the correlation cannot work without it; an excluded id is never loaded.
/// </summary>
internal sealed class RuleSelection
{
    private readonly HashSet<SigmaRuleInfo> _included = [];

    public RuleSelection(IReadOnlyList<ParsedRule> rules, IReadOnlyList<ParsedCorrelation> correlations, SigmaLoadOptions options)
    {
        var byRef = new Dictionary<string, SigmaRuleInfo>(StringComparer.Ordinal);
        var refsOf = correlations.ToDictionary(c => c.Info, c => c.RuleRefs);
        foreach (var info in rules.Select(r => r.Info).Concat(correlations.Select(c => c.Info)))
        {
            byRef.TryAdd(info.Id, info);
            if (info.Name is not null) byRef.TryAdd(info.Name, info);
        }

        bool Excluded(SigmaRuleInfo i) => options.ExcludedRuleIds?.Contains(i.Id) == true;
        bool Wanted(SigmaRuleInfo i) => !Excluded(i)
            && (options.Statuses is null || options.Statuses.Contains(i.Status ?? "experimental"))
            && (options.MinimumLevel is not { } min || i.Level >= min);

        var pending = new Stack<SigmaRuleInfo>(rules.Select(r => r.Info).Concat(correlations.Select(c => c.Info)).Where(Wanted));
        while (pending.Count > 0)
        {
            var info = pending.Pop();
            if (!_included.Add(info) || !refsOf.TryGetValue(info, out var refs)) continue;
            foreach (var r in refs)
            {
                if (byRef.TryGetValue(r, out var target) && !Excluded(target) && !_included.Contains(target)) pending.Push(target);
            }
        }
    }

    public bool Includes(SigmaRuleInfo info) => _included.Contains(info);
}
