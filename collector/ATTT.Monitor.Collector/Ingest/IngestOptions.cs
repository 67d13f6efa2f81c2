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
}
