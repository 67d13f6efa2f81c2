namespace ATTT.Monitor.Collector.Storage;

/// <summary>Who sent a request, established by the agent's token (never by the body).</summary>
public sealed record AgentIdentity(string AgentId, string Unit, string Host, bool IsDrill);
