namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>event_count: the times of the last <c>keep</c> events, and the exact total since the window opened.</summary>
internal sealed class CountWindow(int keep) : GroupWindow
{
    private readonly Queue<DateTimeOffset> _times = new();
    private long _total;
    private bool _sliding;

    public override bool Add(in WindowInput input)
    {
        _times.Enqueue(input.Time);
        if (_times.Count > keep) _times.Dequeue();
        _total++;
        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        _sliding = true;
        while (_times.Count > 0 && _times.Peek() < horizon) _times.Dequeue();
    }

    // A sliding count is what the queue holds; an anchored window counts every event exactly.
    public override double Measure => _sliding ? _times.Count : _total;
    public override long Items => (long)Measure;

    public override void Clear()
    {
        _times.Clear();
        _total = 0;
    }

    public override void Save(StateWriter writer)
    {
        writer.Number("total", _total);
        writer.Times("times", _times);
    }

    public override void Load(StateReader reader)
    {
        _total = reader.Long("total");
        foreach (var t in reader.Times("times").TakeLast(keep)) _times.Enqueue(t);
    }
}
