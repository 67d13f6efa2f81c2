namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// value_sum and value_avg: the sum and number of the values. Sliding sums keep the values in
/// time buckets of 1/1024 of the timespan, so a group holds at most 1,025 entries however many
/// events arrive; a bucket expires once its first value does, so a sliding sum never counts a
/// value older than the timespan (it may leave out values up to one bucket inside it).
/// </summary>
internal sealed class SumWindow(TimeSpan timespan, bool average) : GroupWindow
{
    private const int Buckets = 1024;
    private readonly long _width = Math.Max(1, timespan.Ticks / Buckets);
    private readonly LinkedList<(DateTimeOffset Start, double Sum, long Count)> _buckets = new();
    private double _sum;
    private long _count;

    public override bool Add(in WindowInput input)
    {
        if (!double.IsFinite(input.Number)) return false;
        var last = _buckets.Last;
        if (last is not null && input.Time >= last.Value.Start && (input.Time - last.Value.Start).Ticks < _width)
            last.Value = (last.Value.Start, last.Value.Sum + input.Number, last.Value.Count + 1);
        else
            _buckets.AddLast((input.Time, input.Number, 1));
        _sum += input.Number;
        _count++;
        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        while (_buckets.First is { } first && first.Value.Start < horizon)
        {
            _sum -= first.Value.Sum;
            _count -= first.Value.Count;
            _buckets.RemoveFirst();
        }

        if (_buckets.Count == 0) _sum = 0;
    }

    public override double Measure => average ? (_count == 0 ? double.NaN : _sum / _count) : _sum;
    public override long Items => _count;

    public override void Clear()
    {
        _buckets.Clear();
        _sum = 0;
        _count = 0;
    }

    public override void Save(StateWriter writer) => writer.Buckets("buckets", _buckets);

    public override void Load(StateReader reader)
    {
        foreach (var b in reader.Buckets("buckets"))
        {
            _buckets.AddLast(b);
            _sum += b.Sum;
            _count += b.Count;
        }
    }
}
