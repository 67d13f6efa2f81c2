namespace ATTT.Monitor.Collector.Ingest;

/// <summary>Names of the agents' authentication scheme and authorization policy.</summary>
public static class AgentTokenDefaults
{
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> checked against the agent registry.</summary>
    public const string Scheme = "AgentToken";

    /// <summary>Map agent endpoints with <c>.RequireAuthorization(AgentTokenDefaults.Policy)</c>.</summary>
    public const string Policy = "Agent";
}
