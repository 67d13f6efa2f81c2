using System.Globalization;
using System.Text;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>A loaded correlation rule with its references resolved to loaded rules (or correlations).</summary>
internal sealed record CorrelationDefinition(
    SigmaRuleInfo Info,
    CorrelationType Type,
    IReadOnlyList<SigmaRuleInfo> Rules,
    IReadOnlyList<string> GroupBy,
    TimeSpan Timespan,
    IReadOnlyList<CorrelationComparison> Condition,
    IReadOnlyList<string> ValueFields,
    int? Percentile,
    IReadOnlyDictionary<SigmaRuleInfo, IReadOnlyDictionary<string, string>> AliasesByRule)
{
    /// <summary>The comparisons in force: a temporal correlation without a condition needs every rule.</summary>
    public IReadOnlyList<CorrelationComparison> EffectiveCondition { get; } = Condition.Count > 0
        ? Condition
        : [new CorrelationComparison(ComparisonOperator.Gte, Rules.Distinct().Count())];

    /// <summary>
    /// True when the condition can be decided as soon as it holds: a count, distinct count, rule
    /// count or sum that only lower bounds (gt, gte) constrain cannot stop holding when more events
    /// join the window. Every other correlation is decided when its window closes.
    /// </summary>
    public bool DecidesEarly => Type is not (CorrelationType.ValueAvg or CorrelationType.ValuePercentile)
        && EffectiveCondition.All(c => c.IsLowerBound);

    /// <summary>value_percentile without <c>percentile</c>: the share (in percent) of the window's events that carry each value.</summary>
    public bool IsRarity => Type == CorrelationType.ValuePercentile && Percentile is null;

    /// <summary>The field to read for a group-by or value name (or alias) in an event matched by <paramref name="rule"/>.</summary>
    public string FieldFor(SigmaRuleInfo rule, string name) =>
        AliasesByRule.TryGetValue(rule, out var map) && map.TryGetValue(name, out var field) ? field : name;

    /// <summary>True when <paramref name="measure"/> satisfies every comparison (a range ANDs them).</summary>
    public bool Satisfied(double measure)
    {
        foreach (var c in EffectiveCondition)
        {
            if (!c.Holds(measure)) return false;
        }

        return true;
    }

    /// <summary>How many values a count needs to keep to decide the condition: one more than the largest threshold.</summary>
    public int CountsToKeep => (int)Math.Min(100_000, Math.Max(Rules.Count,
        Math.Ceiling(EffectiveCondition.Select(c => c.Threshold).DefaultIfEmpty(0).Max()) + 1));

    /// <summary>
    /// What saved state depends on: a restored correlation whose definition changed starts afresh.
    /// </summary>
    public string Fingerprint()
    {
        var s = new StringBuilder();
        s.Append(Type).Append('|').Append(string.Join(',', Rules.Select(r => r.Id))).Append('|')
            .Append(string.Join(',', GroupBy)).Append('|').Append(Timespan.Ticks.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(string.Join(',', Condition.Select(c => $"{c.Operator}:{c.Threshold.ToString("R", CultureInfo.InvariantCulture)}"))).Append('|')
            .Append(string.Join(',', ValueFields)).Append('|').Append(Percentile?.ToString(CultureInfo.InvariantCulture) ?? "-").Append('|');
        foreach (var (rule, map) in AliasesByRule.OrderBy(kv => kv.Key.Id, StringComparer.Ordinal))
            s.Append(rule.Id).Append('{').Append(string.Join(',', map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))).Append('}');
        return s.ToString();
    }
}
