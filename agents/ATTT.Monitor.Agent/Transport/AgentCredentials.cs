namespace ATTT.Monitor.Agent.Transport;

/// <summary>Who this agent is to the collector. <see cref="ToString"/> never shows the token.</summary>
public sealed record AgentCredentials(string AgentId, string Token)
{
    public override string ToString() => $"agent {AgentId}";
}
