namespace ATTT.Monitor.Agent.Spool;

/// <summary>Where one batch sits in the spool (kept in memory, rebuilt by scanning at start).</summary>
internal readonly record struct SpoolEntry(long Sequence, int EventCount, long Segment, long Offset, int FrameLength, string? Position);
