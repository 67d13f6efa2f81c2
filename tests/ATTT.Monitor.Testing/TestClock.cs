using System.Diagnostics;

namespace ATTT.Monitor.Testing;

/// <summary>
/// The clock a running collector or agent gets in tests: it starts at a fixed instant and then runs
/// at real speed, so background loops and timers behave as in production while nothing depends on the
/// date the suite runs on. Tests may jump it forward (<see cref="Advance"/>) or set it.
/// Timers are the real ones: a timer due in 5 s fires after 5 s of real time, whatever the jumps.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// Wednesday 25 November 2026, 10:00 in Vietnam (03:00 UTC): a working day and hour, mid-month,
    /// hours away from any day, month or year boundary in UTC and in Asia/Ho_Chi_Minh.
    /// </summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly Stopwatch _running = Stopwatch.StartNew();
    private DateTimeOffset _origin;
    private TimeSpan? _frozenAt;

    public TestClock() : this(DefaultStart) { }

    public TestClock(DateTimeOffset start) => _origin = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _origin + (_frozenAt ?? _running.Elapsed);
    }

    /// <summary>
    /// Stops the clock until <see cref="Thaw"/>: a collector that takes long to start on a loaded machine
    /// then starts at the same instant as on an idle one, so a drill due seconds later is never missed
    /// because start-up outlasted the margin.
    /// </summary>
    public void Freeze()
    {
        lock (_gate)
            _frozenAt ??= _running.Elapsed;
    }

    /// <summary>Lets the clock run on from where it was frozen.</summary>
    public void Thaw()
    {
        lock (_gate)
        {
            if (_frozenAt is not { } frozen)
                return;
            _origin += frozen - _running.Elapsed;
            _frozenAt = null;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
            _origin += by;
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
            _origin = now - (_frozenAt ?? _running.Elapsed);
    }
}
