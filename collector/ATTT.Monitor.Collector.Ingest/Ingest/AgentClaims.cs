using System.Security.Claims;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// The claims the <c>AgentToken</c> scheme gives an authenticated agent. Endpoints behind the
/// <c>Agent</c> policy read the sender from these (never from the body) with <see cref="GetIdentity"/>.
/// </summary>
public static class AgentClaims
{
    public const string AgentId = "attt:agent_id";
    public const string Unit = "attt:unit";
    public const string Host = "attt:host";
    public const string IsDrill = "attt:is_drill";

    public static ClaimsPrincipal CreatePrincipal(AgentIdentity agent, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var identity = new ClaimsIdentity(
        [
            new Claim(AgentId, agent.AgentId),
            new Claim(Unit, agent.Unit),
            new Claim(Host, agent.Host),
            new Claim(IsDrill, agent.IsDrill ? "true" : "false", ClaimValueTypes.Boolean),
        ], authenticationType, AgentId, null);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The agent behind an authenticated request; throws if the request was not authenticated as an agent.</summary>
    public static AgentIdentity GetIdentity(ClaimsPrincipal user) =>
        TryGetIdentity(user) ?? throw new InvalidOperationException("The request was not authenticated with an agent token.");

    public static AgentIdentity? TryGetIdentity(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(AgentId)?.Value;
        var unit = user?.FindFirst(Unit)?.Value;
        var host = user?.FindFirst(Host)?.Value;
        if (id is null || unit is null || host is null)
            return null;
        return new AgentIdentity(id, unit, host, user!.FindFirst(IsDrill)?.Value == "true");
    }
}
