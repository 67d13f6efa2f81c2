namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The heartbeat's view of the agent's spool: what waits to be sent, and everything it ever dropped.</summary>
public sealed record HeartbeatSpool(long? DepthEvents, long? DepthBytes, long? DroppedTotal, string? LastError);
