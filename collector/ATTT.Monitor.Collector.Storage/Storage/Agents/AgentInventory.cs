namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>What a heartbeat reports about the PC and the agent's spool (docs/protocol.md).</summary>
public sealed record AgentInventory(
    string? Host,
    string? OsVersion,
    IReadOnlyList<string> IpAddresses,
    string? AgentVersion,
    long? SpoolDepthEvents,
    long? SpoolDepthBytes,
    long? SpoolDroppedTotal,
    string? SpoolLastError);
