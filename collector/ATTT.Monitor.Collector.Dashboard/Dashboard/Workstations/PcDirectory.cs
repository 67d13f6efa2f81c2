using System.Security.Claims;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// The PCs a user may see, joined with their antivirus posture. Scoping happens here, once, for
/// every page: a PC of another unit (or the collector's own drill agent) is not found.
/// </summary>
public sealed class PcDirectory(PostureStore postureStore, IAgentRegistry agentRegistry, IOptions<PostureOptions> options, TimeProvider time)
{
    /// <summary>False when the posture area is not available; the pages then say so instead of showing "unknown" everywhere.</summary>
    public bool HasPosture => postureStore is not null;

    public TimeSpan SilentAfter => options.Value.SilenceThreshold;

    public TimeSpan SignatureMaxAge => options.Value.SignatureMaxAge;

    /// <summary>Every PC of the user's units (revoked ones included, drill agents not), by unit then host; null when the registry is not available.</summary>
    public async Task<IReadOnlyList<PcSummary>?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (agentRegistry is not { } registry)
            return null;
        var scope = UnitScope.FromUser(user);
        var agents = await registry.ListAsync(scope.Units, cancellationToken);
        var postures = postureStore is { } store
            ? (await store.ListAsync(scope, cancellationToken)).ToDictionary(p => p.AgentId, StringComparer.Ordinal)
            : [];
        return agents
            .Where(a => !a.IsDrill && scope.Allows(a.Unit))
            .OrderBy(a => a.Unit, StringComparer.Ordinal).ThenBy(a => a.Host, StringComparer.OrdinalIgnoreCase)
            .Select(a => Summarise(a, postures.GetValueOrDefault(a.AgentId)))
            .ToList();
    }

    /// <summary>One PC, or null when absent, a drill agent, or of a unit the user may not see.</summary>
    public async Task<PcSummary?> GetAsync(string agentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(agentId) || agentRegistry is not { } registry)
            return null;
        var scope = UnitScope.FromUser(user);
        var agent = await registry.GetAsync(agentId, cancellationToken);
        if (agent is null || agent.IsDrill || !scope.Allows(agent.Unit))
            return null;
        PostureState? posture = null;
        if (postureStore is { } store)
        {
            // The latest report, not the latest change: its time and signature age are today's.
            var unit = await store.ListAsync(UnitScope.Of([agent.Unit]), cancellationToken);
            posture = unit.FirstOrDefault(p => string.Equals(p.AgentId, agentId, StringComparison.Ordinal));
        }

        return Summarise(agent, posture);
    }

    /// <summary>The posture changes of a PC already found by <see cref="GetAsync"/>, newest first, with how long each held.</summary>
    public async Task<IReadOnlyList<PostureChange>> HistoryAsync(PcSummary pc, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pc);
        if (postureStore is not { } store)
            return [];
        var history = await store.HistoryAsync(pc.Agent.AgentId, UnitScope.Of([pc.Agent.Unit]), limit, cancellationToken);
        return PostureChange.FromHistory(history, time.GetUtcNow());
    }

    public PcStatus StatusOf(AgentInfo agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.Revoked)
            return PcStatus.Revoked;
        if (agent.LastSeenAt is not { } seen)
            return PcStatus.NeverSeen;
        return time.GetUtcNow() - seen > SilentAfter ? PcStatus.Silent : PcStatus.Online;
    }

    private PcSummary Summarise(AgentInfo agent, PostureState? posture) =>
        new(agent, posture, StatusOf(agent), PostureClasses.Of(posture));
}
