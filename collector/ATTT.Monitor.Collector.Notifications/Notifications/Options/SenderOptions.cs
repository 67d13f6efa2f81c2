namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>How the outbox sender retries, and when it stops trying a message (marks it undelivered).</summary>
public sealed class SenderOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>In-process retries of one send (Polly), before the row is put back with a later due time.</summary>
    public int ImmediateRetries { get; set; } = 2;

    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the outbox keeps trying a message (from when it was written) before it stops and shows
    /// it as undelivered; only an administrator gives one up for good.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>First back-off between attempts; doubles each time, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Circuit breaker: failure ratio within the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 4;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-recipient limit; messages over it wait (they are never dropped).</summary>
    public int MaxPerRecipientPerHour { get; set; } = 20;
}
