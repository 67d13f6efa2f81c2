namespace ATTT.Monitor.Events.Wire;

/// <summary>
/// Records of one event log channel that the agent knows it will never read (docs/protocol.md,
/// "losses"): record ids <see cref="FirstRecordId"/> to <see cref="LastRecordId"/> are gone.
/// <see cref="Records"/> counts record ids, so on a channel the agent reads through an event id
/// filter it is an upper bound of the events lost (the filter might not have matched them all).
/// </summary>
public sealed record ChannelLoss(string Channel, ChannelLossKind Kind, long FirstRecordId, long LastRecordId, long Records, DateTimeOffset DetectedAt)
{
    /// <summary>Most losses one batch may carry; a reader refuses more.</summary>
    public const int MaxPerBatch = 64;
}
