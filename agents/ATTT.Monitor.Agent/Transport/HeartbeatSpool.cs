namespace ATTT.Monitor.Agent.Transport;

/// <summary>The <c>spool</c> part of a heartbeat.</summary>
public sealed record HeartbeatSpool(long DepthEvents, long DepthBytes, long DroppedTotal, string? LastError);
