namespace ATTT.Monitor.Evtx;

/// <summary>How <see cref="EvtxFile"/> reads a file.</summary>
public sealed class EvtxReadOptions
{
    /// <summary>
    /// Also return deleted records left in chunk slack (after the chunk's free-space offset),
    /// marked <see cref="Events.EventRecord.Recovered"/>. For forensic use; off by default.
    /// </summary>
    public bool RecoverDeleted { get; init; }

    /// <summary>
    /// Reads every chunk whole instead of only up to its free space. For tests: what is read must
    /// not depend on it.
    /// </summary>
    internal bool ReadWholeChunks { get; init; }
}
