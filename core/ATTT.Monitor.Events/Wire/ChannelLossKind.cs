namespace ATTT.Monitor.Events.Wire;

/// <summary>How records of a channel were lost; the wire names are the lower-case member names.</summary>
public enum ChannelLossKind
{
    /// <summary>Record ids skipped between two records read in one pass of an unfiltered channel.</summary>
    Gap,

    /// <summary>The log was overwritten (or cleared) while the agent was not reading it: its oldest record is newer than the checkpoint.</summary>
    Wrap,

    /// <summary>The log starts over with lower record ids than the checkpoint (recreated); how many were lost is not known.</summary>
    Reset,
}
