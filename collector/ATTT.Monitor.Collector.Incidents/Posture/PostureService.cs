using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// Records an agent's posture report: tracked state and history, then opens or clears the
/// condition incidents. Conditions are timed by the collector's clock, not the agent's, so the
/// recorded durations do not depend on a PC's clock being right.
/// </summary>
internal sealed class PostureService(PostureStore store, IncidentManager incidents, IOptions<PostureOptions> options, TimeProvider time)
{
    public async Task<PostureAssessment> RecordAsync(AgentIdentity agent, PostureReport report, string reportJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(report);
        var now = time.GetUtcNow();
        var assessment = PostureEvaluator.Evaluate(report, options.Value);
        var state = new PostureState(
            agent.AgentId, agent.Unit, agent.Host, agent.IsDrill, report.ObservedAt, now, assessment.Product, assessment.Enabled,
            assessment.Realtime, assessment.SignatureAgeDays, assessment.LastScanAt, assessment.TamperProtection,
            assessment.Holding.Keys.Order(StringComparer.Ordinal).ToList());
        await store.SaveAsync(state, reportJson, cancellationToken).ConfigureAwait(false);
        foreach (var condition in PostureCondition.FromReports)
        {
            if (assessment.Holding.TryGetValue(condition.Key, out var reason))
            {
                await incidents.RaiseConditionAsync(new ConditionReport(
                    condition.Key, condition.Title, condition.Category, condition.Severity, agent.Unit, agent.Host, agent.AgentId,
                    agent.IsDrill, reason, now), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await incidents.ClearConditionAsync(condition.Key, agent.Unit, agent.Host, agent.IsDrill, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return assessment;
    }
}
