namespace ATTT.Monitor.Agent.State;

/// <summary>
/// What the agent must remember across restarts besides the spool: the last batch the collector
/// acknowledged and the source position after it, events dropped but not yet reported, and the last
/// error for <c>attt-agent status</c>.
/// </summary>
internal sealed record AgentCheckpoint
{
    public long AckedSequence { get; init; }

    /// <summary>Source position after the last acknowledged batch (null: from the beginning).</summary>
    public string? AckedPosition { get; init; }

    /// <summary>Events discarded (spool full, quarantined) not yet given to a batch to report.</summary>
    public long DroppedPending { get; init; }

    /// <summary>
    /// The batch that reports <see cref="DroppedAttached"/> (0: none). Once a count is given to a batch it
    /// is sent with that batch on every attempt, and cleared in the same checkpoint write that records
    /// the batch's acknowledgement: after a crash between the collector storing the batch and that write,
    /// the re-sent batch carries the same count, and the collector, which stores the count with the batch
    /// and answers a known sequence as a duplicate, counts it once. Drops that happen meanwhile wait in
    /// <see cref="DroppedPending"/> for the next batch.
    /// </summary>
    public long DroppedAttachedSequence { get; init; }

    public long DroppedAttached { get; init; }

    public long DroppedTotal { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public DateTimeOffset? LastAckAt { get; init; }
}
