namespace ATTT.Monitor.Collector.Storage;

/// <summary>Enrolled agents, enrollment codes and tokens (tokens are stored hashed only).</summary>
public interface IAgentRegistry
{
    /// <summary>A one-time code for <paramref name="unit"/> valid for <paramref name="ttl"/>.</summary>
    Task<string> CreateEnrollmentCodeAsync(string unit, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>
    /// An agent the collector creates for itself (drills inject through the real ingest path with
    /// it). Its events and incidents are marked as drill. Returns the identity and its token.
    /// </summary>
    Task<(AgentIdentity Agent, string Token)> EnrollInternalAsync(string unit, string host, bool isDrill, CancellationToken cancellationToken);

    Task<AgentIdentity?> AuthenticateAsync(string token, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentInfo>> ListAsync(IReadOnlyCollection<string>? units, CancellationToken cancellationToken);

    Task<AgentInfo?> GetAsync(string agentId, CancellationToken cancellationToken);

    Task RevokeAsync(string agentId, CancellationToken cancellationToken);
}
