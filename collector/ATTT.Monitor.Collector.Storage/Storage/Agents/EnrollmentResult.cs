namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>A new agent and its token (shown once, stored only hashed).</summary>
public sealed record EnrollmentResult(AgentIdentity Agent, string Token);
