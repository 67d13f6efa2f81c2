namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The heartbeat's small inventory: host name, OS, IP addresses, agent version.</summary>
public sealed record HeartbeatInventory(string? Host, string? Os, IReadOnlyList<string> IpAddresses, string? AgentVersion);
