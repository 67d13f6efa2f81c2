namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>value_count: distinct values with the time each was last seen, at most <c>keep</c> (the oldest go first).</summary>
internal sealed class DistinctWindow(int keep) : GroupWindow
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public override bool Add(in WindowInput input)
    {
        if (string.IsNullOrEmpty(input.Text)) return false;
        _seen[input.Text] = input.Time;
        if (_seen.Count > keep) _seen.Remove(_seen.MinBy(kv => kv.Value).Key);
        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        List<string>? old = null;
        foreach (var (value, time) in _seen)
        {
            if (time < horizon) (old ??= []).Add(value);
        }

        if (old is null) return;
        foreach (var v in old) _seen.Remove(v);
    }

    public override double Measure => _seen.Count;
    public override long Items => _seen.Count;
    public override void Clear() => _seen.Clear();

    public override void Save(StateWriter writer) => writer.TextTimes("values", _seen);

    public override void Load(StateReader reader)
    {
        foreach (var (value, time) in reader.TextTimes("values").OrderByDescending(kv => kv.Value).Take(keep)) _seen[value] = time;
    }
}
