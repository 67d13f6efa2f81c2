namespace ATTT.Monitor.Testing;

/// <summary>
/// A clock that stands still until the test moves it: for deadline clocks, token expiry and anything
/// whose answer depends on the exact instant. Timers still run on real time; where a component must
/// see time pass on its own, give it a <see cref="TestClock"/> instead.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public ManualTimeProvider() : this(TestClock.DefaultStart) { }

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
