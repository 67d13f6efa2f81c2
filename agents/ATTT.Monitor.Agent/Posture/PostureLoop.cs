using ATTT.Monitor.Agent.Transport;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Checks the posture every <c>check</c> interval and sends it at start, at once when it changed, and
/// otherwise every <c>poll</c> interval (default 5 minutes). Defender exclusions not in the last
/// delivered report are sent as <c>added</c>, once: a new exclusion is a classic tampering step.
/// </summary>
internal sealed class PostureLoop(IPostureProbe probe, CollectorClient client, AgentCredentials credentials,
    TimeSpan check, TimeSpan poll, TimeProvider time, ILogger logger, Sources.EventLog.ChannelStates? channels = null)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        PostureReport? sent = null;
        var sentAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(check <= TimeSpan.Zero ? poll : check, time);
        do
        {
            PostureReport report;
            try
            {
                report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Reading the posture failed: {Reason}", ex.Message);
                continue;
            }

            var now = time.GetUtcNow();
            report = WithAddedExclusions(report with { AgentId = credentials.AgentId, ObservedAt = now, Channels = channels?.Snapshot() ?? report.Channels }, sent);
            if (!report.DiffersFrom(sent) && now - sentAt < poll)
                continue;
            var outcome = await client.SendJsonAsync("api/v1/posture", AgentProtocolWriter.Write(report), credentials, cancellationToken).ConfigureAwait(false);
            if (outcome.Status == SendStatus.Accepted)
            {
                sent = report;
                sentAt = now;
            }
            else
            {
                logger.LogWarning("Posture not delivered: {Error}", outcome.Error);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The exclusions of <paramref name="report"/> that <paramref name="previous"/> did not have, as <c>added</c>.</summary>
    internal static PostureReport WithAddedExclusions(PostureReport report, PostureReport? previous)
    {
        if (report.Defender?.Exclusions is not { } now)
            return report;
        var before = previous?.Defender?.Exclusions;
        // The first report has nothing to compare with; after a restart the collector compares with the report it stored.
        List<string> added = before is null ? [] : now.All().Except(before.All(), StringComparer.OrdinalIgnoreCase).ToList();
        return report with { Defender = report.Defender with { Exclusions = now with { Added = added } } };
    }
}
