using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// Watches agents for silence against their unit's working hours (<see cref="PostureOptions.WorkingHours"/>,
/// per unit in <see cref="PostureOptions.UnitWorkingHours"/>). A PC not heard from for
/// <see cref="PostureOptions.SilenceThreshold"/> during working hours is a posture problem at once
/// (<see cref="SilentPcs"/>); nights and weekends are normal. Only after a whole working day missed
/// does it open a low "tác tử mất kết nối" incident, which is never an authority notice; the incident
/// starts when the silence started, so its duration is the real outage, and is resolved when the PC is
/// heard from again or revoked. Drill agents (the collector's own) never send heartbeats and are not watched.
/// </summary>
internal sealed class SilenceMonitor(
    IAgentRegistry registry, IncidentManager incidents, SilentPcs silentPcs, IOptions<PostureOptions> options, TimeProvider time, ILogger<SilenceMonitor> logger)
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

    /// <summary>One pass over every agent; returns how many are silent in working hours now (posture problems).</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var opts = options.Value;
        var condition = PostureCondition.AgentSilent;
        var schedules = new Dictionary<string, WorkingSchedule>(StringComparer.Ordinal);
        var silent = new List<SilentPc>();
        foreach (var agent in await registry.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (agent.IsDrill)
                continue;
            var last = agent.LastSeenAt ?? agent.EnrolledAt;
            if (agent.Revoked || now - last <= opts.SilenceThreshold)
            {
                await incidents.ClearConditionAsync(condition.Key, agent.Unit, agent.Host, false, agent.Revoked ? now : last, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!schedules.TryGetValue(agent.Unit, out var schedule))
                schedules[agent.Unit] = schedule = new WorkingSchedule(opts.UnitWorkingHours.GetValueOrDefault(agent.Unit) ?? opts.WorkingHours);
            var wholeDayMissed = schedule.EndOfFirstWholeWorkingDayAfter(last) is { } end && now >= end;
            if (wholeDayMissed)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"Không nhận được tín hiệu từ {last:yyyy-MM-dd HH:mm} UTC, hết cả một ngày làm việc / no heartbeat since {last:yyyy-MM-dd HH:mm} UTC, a whole working day (agent {agent.AgentId})");
                await incidents.RaiseConditionAsync(new ConditionReport(
                    condition.Key, condition.Title, condition.Category, condition.Severity, agent.Unit, agent.Host, agent.AgentId,
                    false, reason, last), cancellationToken).ConfigureAwait(false);
            }

            if (schedule.IsWorkingTime(now))
                silent.Add(new SilentPc(agent.AgentId, agent.Unit, agent.Host, last, wholeDayMissed));
        }

        silentPcs.Replace(silent, now);
        return silent.Count;
    }
}
