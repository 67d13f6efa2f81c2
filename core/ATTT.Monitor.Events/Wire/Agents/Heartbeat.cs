namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The body of <c>POST /api/v1/heartbeat</c>.</summary>
public sealed record Heartbeat(string AgentId, DateTimeOffset? SentAt, HeartbeatInventory? Inventory, HeartbeatSpool? Spool)
{
    public const int MaxAddresses = 64;
}
