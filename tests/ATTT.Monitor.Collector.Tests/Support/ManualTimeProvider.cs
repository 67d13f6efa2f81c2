namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>A clock the test moves by hand (for expiry); timers still use real time.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
