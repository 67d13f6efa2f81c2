namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The collector's answer to an enrollment: the agent's id, its token (shown once) and its unit.</summary>
public sealed record EnrollResponse(string AgentId, string Token, string? Unit)
{
    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"agent {AgentId} of unit {Unit}";
}
