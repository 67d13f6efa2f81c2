namespace ATTT.Monitor.Agent.Spool;

/// <summary>What the spool holds that the collector has not acknowledged yet.</summary>
public sealed record SpoolStatistics(long DepthEvents, long DepthBatches, long DepthBytes, long LastSequence);
