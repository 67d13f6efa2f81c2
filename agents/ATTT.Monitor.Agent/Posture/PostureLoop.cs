using ATTT.Monitor.Agent.Transport;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Checks the antivirus posture every <c>check</c> interval and sends it at start, at once when it
/// changed, and otherwise every <c>poll</c> interval (default 5 minutes).
/// </summary>
internal sealed class PostureLoop(IPostureProbe probe, CollectorClient client, AgentCredentials credentials,
    TimeSpan check, TimeSpan poll, TimeProvider time, ILogger logger)
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
                logger.LogWarning("Reading the antivirus posture failed: {Reason}", ex.Message);
                continue;
            }

            var now = time.GetUtcNow();
            if (!report.DiffersFrom(sent) && now - sentAt < poll)
                continue;
            var outcome = await client.SendJsonAsync("api/v1/posture", PostureJson.Write(credentials.AgentId, now, report), credentials, cancellationToken).ConfigureAwait(false);
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
}
