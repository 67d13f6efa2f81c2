namespace ATTT.Monitor.Collector.Ingest;

/// <summary>Limits of the ingest API (configuration section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest request body as sent (compressed).</summary>
    public long MaxCompressedBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest batch after decompression (docs/protocol.md: 16 MiB).</summary>
    public long MaxInflatedBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest enrollment or heartbeat body.</summary>
    public long MaxSmallBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Event batches decoded at the same time. Bounds memory (each can hold a 16 MiB body while it
    /// is parsed); beyond it the collector answers 503 with Retry-After instead of queueing.
    /// </summary>
    public int MaxConcurrentBatches { get; set; } = 8;

    /// <summary>Per agent: requests per second, sustained.</summary>
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Per agent: burst allowance above the sustained rate.</summary>
    public int RequestBurst { get; set; } = 40;

    /// <summary>
    /// Enrollment attempts per minute from one address: codes carry 60 random bits, so this makes
    /// guessing hopeless while a commune enrolling its PCs behind one NAT address is not slowed.
    /// </summary>
    public int EnrollPerMinute { get; set; } = 60;

    /// <summary>What 503 answers tell the agent to wait.</summary>
    public int OverloadRetryAfterSeconds { get; set; } = 2;

    /// <summary>
    /// Events stored but not yet read by detection beyond which a new batch waits (at most
    /// <see cref="DetectionBacklogWait"/>) and is then refused with 503, so that what is acknowledged
    /// is also evaluated. Keep it under the in-memory hand-off (<c>Storage:Events:DetectionHandOffEvents</c>,
    /// 10,000) less the events of the batches in flight: a pipeline further behind reads the store
    /// and re-parses every event. 0: never hold ingest back for detection.
    /// </summary>
    public int DetectionBacklogEvents { get; set; } = 5_000;

    /// <summary>How long a batch may wait for detection to catch up before the 503.</summary>
    public TimeSpan DetectionBacklogWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A detection pipeline that has not asked for events for this long is taken as stopped, not
    /// slow: ingest then goes on (the store keeps the events for when it resumes).
    /// </summary>
    public TimeSpan DetectionStalledAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What the 503 for a detection backlog tells the agent to wait (detection clears 5,000 events in well under a second).</summary>
    public int DetectionBacklogRetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// An event received more than this after it occurred is backfilled (<c>Ingest:BackfillAfter</c>):
    /// a spool draining after the PC or the network was down, a replay. An agent sends within seconds
    /// when the collector is reachable, so an hour leaves room for a slow link and a PC clock a little off.
    /// </summary>
    public TimeSpan BackfillAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether an event that occurred at <paramref name="occurredAt"/> and was received at <paramref name="receivedAt"/> is backfilled.</summary>
    public bool IsBackfill(DateTimeOffset occurredAt, DateTimeOffset receivedAt) => receivedAt - occurredAt > BackfillAfter;
}
