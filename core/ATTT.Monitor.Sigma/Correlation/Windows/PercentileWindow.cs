namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// value_percentile with <c>percentile: P</c> (pySigma's reading): the P-th percentile (nearest
/// rank) of the numeric values of a window. At most 4,096 values are kept per window: past that,
/// every second one is dropped and only every second new one kept (and so on), a deterministic
/// sample spread evenly over the window.
/// </summary>
internal sealed class PercentileWindow(int percentile) : GroupWindow
{
    private const int Capacity = 4096;
    private readonly List<double> _values = [];
    private int _stride = 1;
    private long _seen;

    public override bool Add(in WindowInput input)
    {
        if (!double.IsFinite(input.Number)) return false;
        if (_seen++ % _stride == 0) _values.Add(input.Number);
        if (_values.Count >= Capacity)
        {
            for (var i = 0; i < _values.Count / 2; i++) _values[i] = _values[2 * i];
            _values.RemoveRange(_values.Count / 2, _values.Count - _values.Count / 2);
            _stride *= 2;
        }

        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        // Decided when the window closes; never slides.
    }

    public override double Measure
    {
        get
        {
            if (_values.Count == 0) return double.NaN;
            var sorted = _values.Order().ToList();
            var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public override long Items => _seen;

    public override void Clear()
    {
        _values.Clear();
        _stride = 1;
        _seen = 0;
    }

    public override void Save(StateWriter writer)
    {
        writer.Number("seen", _seen);
        writer.Number("stride", _stride);
        writer.Numbers("values", _values);
    }

    public override void Load(StateReader reader)
    {
        _seen = reader.Long("seen");
        _stride = (int)Math.Clamp(reader.Long("stride"), 1, 1 << 30);
        _values.AddRange(reader.Numbers("values").Take(Capacity - 1));
    }
}
