using System.Text;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Plan;

/// <summary>
/// Indicator 1 of the commune's plan for the PCs a scope allows, from each PC's latest posture report
/// (its inventory and the users' digital-signature certificates). Revoked and drill agents are left out.
/// </summary>
public sealed class PlanIndicatorService(PostureStore postureStore, IAgentRegistry agentRegistry, IOptions<MinimumConfigurationOptions> options, TimeProvider time)
{
    public MinimumConfigurationOptions Options => options.Value;

    public async Task<IReadOnlyList<PcPlanCheck>> CheckAsync(UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var agents = await agentRegistry.ListAsync(scope.Units, cancellationToken).ConfigureAwait(false);
        var reports = await postureStore.ReportsAsync(scope, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return agents
            .Where(a => !a.Revoked && !a.IsDrill && scope.Allows(a.Unit))
            .Select(a => PlanIndicators.Check(a.AgentId, a.Unit, a.Host, Read(reports.GetValueOrDefault(a.AgentId)), options.Value, now))
            .ToList();
    }

    /// <summary>One PC's latest report (null: none yet) and its check, for the PC's page.</summary>
    public async Task<(PostureReport? Report, PcPlanCheck Check)> CheckOneAsync(AgentInfo agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var reports = await postureStore.ReportsAsync(UnitScope.Of([agent.Unit]), cancellationToken).ConfigureAwait(false);
        var report = Read(reports.GetValueOrDefault(agent.AgentId));
        return (report, PlanIndicators.Check(agent.AgentId, agent.Unit, agent.Host, report, options.Value, time.GetUtcNow()));
    }

    public async Task<IReadOnlyList<UnitPlanIndicators>> PerUnitAsync(UnitScope scope, CancellationToken cancellationToken) =>
        PlanIndicators.PerUnit(await CheckAsync(scope, cancellationToken).ConfigureAwait(false));

    /// <summary>The stored report, read as it was when it was accepted; null when there is none or it predates the inventory.</summary>
    public static PostureReport? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return AgentProtocolReader.ReadPosture(Encoding.UTF8.GetBytes(json));
        }
        catch (WireFormatException)
        {
            return null;
        }
    }
}
