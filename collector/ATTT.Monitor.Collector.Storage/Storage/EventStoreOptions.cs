namespace ATTT.Monitor.Collector.Storage;

/// <summary>Settings of the event store (configuration section <c>Storage:Events</c>).</summary>
public sealed class EventStoreOptions
{
    public const string Section = "Storage:Events";
    public const string SqliteKind = "sqlite";
    public const string ElasticsearchKind = "elasticsearch";

    /// <summary><c>sqlite</c> (embedded, default) or <c>elasticsearch</c>.</summary>
    public string Kind { get; set; } = SqliteKind;

    /// <summary>Events received longer ago than this are deleted (embedded store) or rolled off by ILM.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>
    /// Batches waiting for the writer. When full, a new batch is refused at once (503 to the agent,
    /// which keeps it in its spool) instead of queueing without bound.
    /// </summary>
    public int WriteQueueBatches { get; set; } = 64;

    /// <summary>Group commit: at most this many events go into one transaction (one fsync).</summary>
    public int MaxEventsPerCommit { get; set; } = 20_000;

    /// <summary>
    /// Newest committed events kept in memory for the detection pipeline (the embedded store's fast
    /// path: no read-back, no re-parse). Only a detection pipeline that lags further than this reads
    /// them back from the store; 0 turns the hand-off off.
    /// </summary>
    public int DetectionHandOffEvents { get; set; } = 10_000;

    /// <summary>How often the retention service looks for expired events.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per transaction, small so that ingest is never blocked for long.</summary>
    public int RetentionSliceRows { get; set; } = 5_000;

    public ElasticsearchOptions Elasticsearch { get; set; } = new();
}
