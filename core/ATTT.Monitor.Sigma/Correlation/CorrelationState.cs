using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma.Correlation.Windows;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>
/// The state of one correlation rule: its groups (at most <c>maxGroups</c>; the least recently
/// seen go first) and, for correlations decided at the end of a window, the queue of window ends.
/// </summary>
internal sealed class CorrelationState(CorrelationDefinition definition, int maxGroups)
{
    private readonly Dictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(string Key, long Generation), DateTimeOffset> _ends = new();

    public CorrelationDefinition Definition => definition;
    public int GroupCount => _groups.Count;
    public IEnumerable<GroupState> Groups => _groups.Values;

    /// <summary>Detections this correlation could not use (a value field missing, empty or, for a sum, average or percentile, not a number).</summary>
    public long Unusable { get; private set; }

    /// <summary>Feeds one detection of a referenced rule; adds what fires to <paramref name="output"/>.</summary>
    public void Add(SigmaDetection detection, string? scope, List<SigmaDetection> output)
    {
        var t = detection.Timestamp;
        var input = Input(detection);
        if (input is null)
        {
            Unusable++;
            return;
        }

        var (key, values) = GroupKey(detection, scope);
        var group = GetGroup(key, scope, values, t);
        group.LastSeen = t;
        if (definition.DecidesEarly)
        {
            group.Window.Prune(t - definition.Timespan);
            if (!group.Window.Add(input.Value)) return;
            Remember(group, detection);
            if (!definition.Satisfied(group.Window.Measure)) return;
            output.Add(Fire(group, group.Window.Measure, group.Window.Items, group.LastEvent!, t));
            group.Window.Clear();
            return;
        }

        if (group.WindowStart is null)
        {
            group.WindowStart = t;
            group.WindowGeneration++;
            _ends.Enqueue((key, group.WindowGeneration), t + definition.Timespan);
        }

        if (group.Window.Add(input.Value)) Remember(group, detection);
    }

    /// <summary>Closes the windows that ended before <paramref name="now"/> (all of them with <c>null</c>).</summary>
    public void Close(DateTimeOffset? now, List<SigmaDetection> output)
    {
        while (_ends.TryPeek(out var entry, out var end) && (now is null || end < now))
        {
            _ends.Dequeue();
            if (!_groups.TryGetValue(entry.Key, out var group) || group.WindowGeneration != entry.Generation || group.WindowStart is null) continue;
            Decide(group, output);
            group.Window.Clear();
            group.WindowStart = null;
        }
    }

    private void Decide(GroupState group, List<SigmaDetection> output)
    {
        if (group.LastEvent is null) return;
        if (group.Window is RarityWindow rarity)
        {
            foreach (var (value, share, count, e, time) in rarity.Shares())
            {
                if (definition.Satisfied(share)) output.Add(Fire(group, share, count, e, time));
            }

            return;
        }

        var measure = group.Window.Measure;
        if (!double.IsNaN(measure) && definition.Satisfied(measure))
            output.Add(Fire(group, measure, group.Window.Items, group.LastEvent, group.LastTime));
    }

    private SigmaDetection Fire(GroupState group, double measure, long items, IFieldLookup e, DateTimeOffset time)
    {
        var groupValues = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.GroupBy.Count; i++) groupValues[definition.GroupBy[i]] = group.GroupValues[i];
        var count = definition.Type is CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile
            ? items
            : (long)measure;
        return new SigmaDetection(definition.Info, e, time, (int)Math.Clamp(count, 0, int.MaxValue))
        {
            Value = measure,
            Scope = group.Scope,
            Group = groupValues,
        };
    }

    private static void Remember(GroupState group, SigmaDetection detection)
    {
        group.LastEvent = detection.Event;
        group.LastTime = detection.Timestamp;
    }

    private WindowInput? Input(SigmaDetection detection)
    {
        var fields = definition.ValueFields;
        if (fields.Count == 0) return new WindowInput(detection.Timestamp, detection.Rule, detection.Event, null, double.NaN);
        string? text;
        if (fields.Count == 1)
        {
            if (!detection.Event.TryGetField(definition.FieldFor(detection.Rule, fields[0]), out text) || string.IsNullOrEmpty(text)) return null;
        }
        else
        {
            // Several fields are ANDed: the distinct value is the combination.
            var parts = new string[fields.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!detection.Event.TryGetField(definition.FieldFor(detection.Rule, fields[i]), out var part) || string.IsNullOrEmpty(part)) return null;
                parts[i] = part;
            }

            text = string.Join('\u001f', parts);
        }

        var numeric = definition.Type is CorrelationType.ValueSum or CorrelationType.ValueAvg || (definition.Type == CorrelationType.ValuePercentile && !definition.IsRarity);
        if (!numeric) return new WindowInput(detection.Timestamp, detection.Rule, detection.Event, text, double.NaN);
        if (!NumericMatcher.TryNumber(text, out var number) || !double.IsFinite(number)) return null;
        return new WindowInput(detection.Timestamp, detection.Rule, detection.Event, text, number);
    }

    private (string Key, string[] Values) GroupKey(SigmaDetection detection, string? scope)
    {
        var values = new string[definition.GroupBy.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var field = definition.FieldFor(detection.Rule, definition.GroupBy[i]);
            values[i] = detection.Event.TryGetField(field, out var v) ? v ?? "" : "";
        }

        // The caller's scope (the collector's unit) comes first, so two units never share a group.
        return ((scope ?? "") + '\u001e' + string.Join('\u001f', values), values);
    }

    private GroupState GetGroup(string key, string? scope, string[] values, DateTimeOffset t)
    {
        if (_groups.TryGetValue(key, out var group)) return group;
        if (_groups.Count >= maxGroups) Evict(t - definition.Timespan);
        _groups[key] = group = new GroupState(key, scope, values, WindowFactory.Create(definition)) { LastSeen = t };
        return group;
    }

    // Groups idle for a whole timespan go first; if none is, the least recently seen sixteenth,
    // so a flood of new groups costs one sort per maxGroups/16 groups, not one scan per group.
    private void Evict(DateTimeOffset horizon)
    {
        var stale = _groups.Values.Where(g => g.LastSeen < horizon && g.WindowStart is null).Select(g => g.Key).ToList();
        if (stale.Count == 0)
            stale = _groups.Values.OrderBy(g => g.LastSeen).Take(Math.Max(1, maxGroups / 16)).Select(g => g.Key).ToList();
        foreach (var k in stale) _groups.Remove(k);
    }

    public void Reset()
    {
        _groups.Clear();
        _ends.Clear();
        Unusable = 0;
    }

    /// <summary>Every field a saved event keeps for this correlation: group-by and value names, through the aliases.</summary>
    public IReadOnlyCollection<string> SnapshotFields()
    {
        var names = new HashSet<string>(definition.GroupBy.Concat(definition.ValueFields), StringComparer.Ordinal);
        foreach (var rule in definition.Rules)
        {
            foreach (var n in definition.GroupBy.Concat(definition.ValueFields).ToList()) names.Add(definition.FieldFor(rule, n));
        }

        return names;
    }

    /// <summary>Puts back a group read from saved state (its window end queued again if one was open).</summary>
    public void Restore(GroupState group)
    {
        if (_groups.Count >= maxGroups) return;
        _groups[group.Key] = group;
        if (group.WindowStart is { } start) _ends.Enqueue((group.Key, group.WindowGeneration), start + definition.Timespan);
    }
}
