using ATTT.Monitor.Sigma.Correlation;

namespace ATTT.Monitor.Sigma;

/// <summary>
/// Evaluates correlation rules over detections fed in time order. State is bounded: per group only
/// what the threshold needs, and at most <c>MaxCorrelationGroups</c> groups per correlation (the
/// least recently seen are dropped first). A correlation fires once per completed window and then
/// starts counting again. Not thread-safe: one per stream.
/// </summary>
public sealed class SigmaCorrelationEngine
{
    private readonly Dictionary<SigmaRuleInfo, List<CorrelationState>> _byRule = [];

    internal SigmaCorrelationEngine(IReadOnlyList<CorrelationDefinition> definitions, int maxGroups)
    {
        foreach (var d in definitions)
        {
            var state = new CorrelationState(d, maxGroups);
            foreach (var r in d.Rules.Distinct())
            {
                if (!_byRule.TryGetValue(r, out var list)) _byRule[r] = list = [];
                list.Add(state);
            }
        }
    }

    /// <summary>Groups held in memory over all correlations (bounded by MaxCorrelationGroups each).</summary>
    public int TrackedGroups => _byRule.Values.SelectMany(s => s).Distinct().Sum(s => s.GroupCount);

    /// <summary>True when some correlation uses the detections of <paramref name="rule"/>.</summary>
    public bool IsReferenced(SigmaRuleInfo rule) => _byRule.ContainsKey(rule);

    /// <summary>Feeds one detection; returns the correlation detections it completes (chained ones included).</summary>
    public IReadOnlyList<SigmaDetection> Process(SigmaDetection detection)
    {
        ArgumentNullException.ThrowIfNull(detection);
        var output = new List<SigmaDetection>();
        var pending = new Queue<SigmaDetection>();
        pending.Enqueue(detection);
        while (pending.Count > 0)
        {
            var d = pending.Dequeue();
            if (!_byRule.TryGetValue(d.Rule, out var states)) continue;
            foreach (var state in states)
            {
                if (state.Add(d) is not { } count) continue;
                var fired = new SigmaDetection(state.Definition.Info, d.Event, d.Timestamp, (int)Math.Min(count, int.MaxValue));
                output.Add(fired);
                pending.Enqueue(fired);
            }
        }

        return output;
    }
}
