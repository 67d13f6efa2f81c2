namespace ATTT.Monitor.Agent.Spool;

/// <summary>Limits of the disk spool (docs/spool.md).</summary>
public sealed class SpoolOptions
{
    /// <summary>Total size of all segment files; beyond it the oldest segments are dropped (and counted).</summary>
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>A segment is closed and a new one started past this size.</summary>
    public long SegmentBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Flush every appended batch to the disk before it may be sent (power-loss safe).</summary>
    public bool FsyncEveryBatch { get; set; } = true;
}
