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

    /// <summary>Events discarded (spool full, quarantined) not yet reported in an accepted batch.</summary>
    public long DroppedPending { get; init; }

    public long DroppedTotal { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public DateTimeOffset? LastAckAt { get; init; }
}
