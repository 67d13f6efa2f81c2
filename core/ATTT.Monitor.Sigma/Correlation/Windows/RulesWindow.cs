namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>temporal: which of the correlation's rules were seen, with the time each was last seen.</summary>
internal sealed class RulesWindow(IReadOnlyList<SigmaRuleInfo> rules) : GroupWindow
{
    private readonly Dictionary<SigmaRuleInfo, DateTimeOffset> _seen = [];

    public override bool Add(in WindowInput input)
    {
        _seen[input.Rule] = input.Time;
        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        foreach (var r in rules)
        {
            if (_seen.TryGetValue(r, out var t) && t < horizon) _seen.Remove(r);
        }
    }

    public override double Measure => _seen.Count;
    public override long Items => _seen.Count;
    public override void Clear() => _seen.Clear();

    public override void Save(StateWriter writer) =>
        writer.TextTimes("rules", _seen.ToDictionary(kv => kv.Key.Id, kv => kv.Value, StringComparer.Ordinal));

    public override void Load(StateReader reader)
    {
        var byId = rules.DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, time) in reader.TextTimes("rules"))
        {
            if (byId.TryGetValue(id, out var rule)) _seen[rule] = time;
        }
    }
}
