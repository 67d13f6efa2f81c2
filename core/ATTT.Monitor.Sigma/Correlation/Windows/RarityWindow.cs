using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// value_percentile without <c>percentile</c>, the specification's own example ("a process name
/// seen in less than 1% of a computer's process creations"): for each distinct value of the field,
/// its share in percent of the window's events, decided when the window closes. At most 1,000
/// distinct values are tracked per window (with the last event of each, to report it); later new
/// values still count in the total but cannot be reported.
/// </summary>
internal sealed class RarityWindow : GroupWindow
{
    private const int MaxValues = 1000;
    private readonly Dictionary<string, (long Count, IFieldLookup Event, DateTimeOffset Time)> _values = new(StringComparer.Ordinal);
    private long _total;

    public override bool Add(in WindowInput input)
    {
        if (string.IsNullOrEmpty(input.Text)) return false;
        _total++;
        if (_values.TryGetValue(input.Text, out var known))
            _values[input.Text] = (known.Count + 1, input.Event, input.Time);
        else if (_values.Count < MaxValues)
            _values[input.Text] = (1, input.Event, input.Time);
        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        // Decided when the window closes; never slides.
    }

    public override double Measure => double.NaN;
    public override long Items => _total;

    /// <summary>Each tracked value with its share (percent) of the window's events.</summary>
    public IEnumerable<(string Value, double Share, long Count, IFieldLookup Event, DateTimeOffset Time)> Shares() =>
        _values.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, 100.0 * kv.Value.Count / _total, kv.Value.Count, kv.Value.Event, kv.Value.Time));

    public override void Clear()
    {
        _values.Clear();
        _total = 0;
    }

    public override void Save(StateWriter writer)
    {
        writer.Number("total", _total);
        writer.RareValues("values", _values);
    }

    public override void Load(StateReader reader)
    {
        _total = reader.Long("total");
        foreach (var (value, count, e, time) in reader.RareValues("values").Take(MaxValues)) _values[value] = (count, e, time);
    }
}
