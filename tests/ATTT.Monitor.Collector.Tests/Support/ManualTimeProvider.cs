namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>A clock the test moves by hand (deadline clocks, token expiry). Timers still run on real time.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set => Set(value);
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
            _now += by;
    }

    public void Set(DateTimeOffset to)
    {
        lock (_gate)
            _now = to;
    }
}
