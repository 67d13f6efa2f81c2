using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// Finds the records of one channel the agent will never read, from record ids alone (they grow by
/// one per record written to the channel):
/// - a wrap: the oldest record still in the log is newer than the next one the agent needs (the log
///   was overwritten or cleared while the agent was stopped or fell behind);
/// - a gap: on a channel read without an event id filter, the next record read is not the one after
///   the last (with a filter, skipped ids are the records the filter left out, so no gap is inferred);
/// - a reset: the log's newest record is older than the agent's checkpoint (the log was recreated).
/// <see cref="Scanned"/> is the newest record id the agent has examined: on a filtered channel it
/// moves past the last record read once a read reaches the end of the log, so the records the filter
/// left out are not later counted as overwritten. It is kept in memory only; after a restart a
/// filtered channel's wrap is counted from the last record read, an upper bound.
/// </summary>
internal sealed class ChannelGapTracker(string channel, bool filtered, long lastRead, TimeProvider time)
{
    /// <summary>The last record read (what the bookmark points at).</summary>
    public long LastRead { get; private set; } = lastRead;

    public long Scanned { get; private set; } = lastRead;

    /// <summary>Before a read: a wrap or reset given what the log holds now. Never on a first start (nothing read yet).</summary>
    public ChannelLoss? Check(ChannelInfo info)
    {
        if (Scanned == 0 || info.RecordCount == 0)
            return null;
        if (info.NewestRecordId < LastRead)
        {
            var reset = new ChannelLoss(channel, ChannelLossKind.Reset, 0, 0, 0, time.GetUtcNow());
            LastRead = Scanned = 0;
            return reset;
        }

        if (info.OldestRecordId <= Scanned + 1)
            return null;
        var wrap = Loss(ChannelLossKind.Wrap, Scanned + 1, info.OldestRecordId - 1);
        Scanned = info.OldestRecordId - 1;
        return wrap;
    }

    /// <summary>A record was read: a gap before it on an unfiltered channel.</summary>
    public ChannelLoss? Read(long recordId)
    {
        ChannelLoss? gap = null;
        if (!filtered && Scanned > 0 && recordId > Scanned + 1)
            gap = Loss(ChannelLossKind.Gap, Scanned + 1, recordId - 1);
        LastRead = Math.Max(LastRead, recordId);
        Scanned = Math.Max(Scanned, recordId);
        return gap;
    }

    /// <summary>A read reached the end of the log, which held records up to <paramref name="newestBefore"/> when it began.</summary>
    public void ReachedEnd(long newestBefore)
    {
        if (filtered)
            Scanned = Math.Max(Scanned, newestBefore);
    }

    private ChannelLoss Loss(ChannelLossKind kind, long first, long last) =>
        new(channel, kind, first, last, last - first + 1, time.GetUtcNow());
}
