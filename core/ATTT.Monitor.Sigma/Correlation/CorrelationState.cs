using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>The sliding-window state of one correlation rule, per group, with a cap on groups.</summary>
internal sealed class CorrelationState(CorrelationDefinition definition, int maxGroups)
{
    private readonly Dictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
    private readonly int _keep = (int)Math.Min(100_000, Math.Max(definition.Rules.Count,
        definition.Condition.Values.DefaultIfEmpty(0).Max() + 1));

    public CorrelationDefinition Definition => definition;
    public int GroupCount => _groups.Count;

    /// <summary>Feeds one detection of a referenced rule; returns the count when the correlation fires.</summary>
    public long? Add(SigmaDetection detection)
    {
        var t = detection.Timestamp;
        var horizon = t - definition.Timespan;
        var group = GetGroup(GroupKey(detection), t, horizon);
        group.LastSeen = t;
        long count;
        switch (definition.Type)
        {
            case CorrelationType.EventCount:
                group.Times.Enqueue(t);
                while (group.Times.Count > 0 && (group.Times.Peek() < horizon || group.Times.Count > _keep)) group.Times.Dequeue();
                count = group.Times.Count;
                break;
            case CorrelationType.ValueCount:
                var field = definition.FieldFor(detection.Rule, definition.ValueField!);
                if (!detection.Event.TryGetField(field, out var value) || string.IsNullOrEmpty(value)) return null;
                group.Values[value] = t;
                Prune(group.Values, horizon, _keep);
                count = group.Values.Count;
                break;
            case CorrelationType.Temporal:
                group.RulesSeen[detection.Rule] = t;
                Prune(group.RulesSeen, horizon, int.MaxValue);
                count = group.RulesSeen.Count;
                break;
            default:
                count = AdvanceOrdered(group, detection.Rule, t, horizon);
                break;
        }

        if (!definition.Satisfied(count)) return null;
        group.Clear();
        return count;
    }

    private long AdvanceOrdered(GroupState group, SigmaRuleInfo rule, DateTimeOffset t, DateTimeOffset horizon)
    {
        var rules = definition.Rules;
        if (group.StageStart.Length != rules.Count) group.StageStart = new DateTimeOffset?[rules.Count];
        var stages = group.StageStart;
        for (var i = 0; i < stages.Length; i++)
        {
            if (stages[i] < horizon) stages[i] = null;
        }

        // Highest position first, so one event never advances two steps of the same chain.
        for (var j = rules.Count - 1; j >= 0; j--)
        {
            if (!ReferenceEquals(rules[j], rule)) continue;
            if (j == 0) stages[0] = t;
            else if (stages[j - 1] is { } start) stages[j] = start;
        }

        var reached = 0;
        for (var i = 0; i < stages.Length && stages[i] is not null; i++) reached = i + 1;
        return stages[^1] is not null ? rules.Count : reached == rules.Count ? reached : 0;
    }

    private string GroupKey(SigmaDetection detection)
    {
        if (definition.GroupBy.Count == 0) return "";
        var parts = new string[definition.GroupBy.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var field = definition.FieldFor(detection.Rule, definition.GroupBy[i]);
            parts[i] = detection.Event.TryGetField(field, out var v) ? v ?? "" : "";
        }

        return string.Join('\u001f', parts);
    }

    private GroupState GetGroup(string key, DateTimeOffset t, DateTimeOffset horizon)
    {
        if (_groups.TryGetValue(key, out var group)) return group;
        if (_groups.Count >= maxGroups)
        {
            foreach (var stale in _groups.Where(g => g.Value.LastSeen < horizon).Select(g => g.Key).ToList()) _groups.Remove(stale);
            if (_groups.Count >= maxGroups) _groups.Remove(_groups.MinBy(g => g.Value.LastSeen).Key);
        }

        _groups[key] = group = new GroupState { LastSeen = t };
        return group;
    }

    private static void Prune<TKey>(Dictionary<TKey, DateTimeOffset> seen, DateTimeOffset horizon, int keep) where TKey : notnull
    {
        foreach (var old in seen.Where(kv => kv.Value < horizon).Select(kv => kv.Key).ToList()) seen.Remove(old);
        while (seen.Count > keep) seen.Remove(seen.MinBy(kv => kv.Value).Key);
    }
}
