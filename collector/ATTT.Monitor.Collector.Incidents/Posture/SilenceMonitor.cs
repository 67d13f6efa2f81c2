using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// Opens a "tác tử mất kết nối" incident for every agent not heard from for
/// <see cref="PostureOptions.SilenceThreshold"/> (from <see cref="AgentInfo.LastSeenAt"/>), and
/// resolves it when the agent is heard from again or is revoked. The incident starts when the
/// silence started, so its duration is the real outage. Drill agents (the collector's own) never
/// send heartbeats and are not watched.
/// </summary>
public sealed class SilenceMonitor(
    IAgentRegistry registry, IncidentManager incidents, IOptions<PostureOptions> options, TimeProvider time, ILogger<SilenceMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SilenceCheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await CheckOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Checking agents for silence failed; trying again at the next interval");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over every agent; returns how many are silent now.</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var threshold = options.Value.SilenceThreshold;
        var condition = PostureCondition.AgentSilent;
        var silent = 0;
        foreach (var agent in await registry.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (agent.IsDrill)
                continue;
            var last = agent.LastSeenAt ?? agent.EnrolledAt;
            if (!agent.Revoked && now - last > threshold)
            {
                silent++;
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"Không nhận được tín hiệu từ {last:yyyy-MM-dd HH:mm} UTC / no heartbeat since {last:yyyy-MM-dd HH:mm} UTC (agent {agent.AgentId})");
                await incidents.RaiseConditionAsync(new ConditionReport(
                    condition.Key, condition.Title, condition.Category, condition.Severity, agent.Unit, agent.Host, agent.AgentId,
                    false, reason, last), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await incidents.ClearConditionAsync(condition.Key, agent.Unit, agent.Host, false, agent.Revoked ? now : last, cancellationToken).ConfigureAwait(false);
            }
        }

        return silent;
    }
}
