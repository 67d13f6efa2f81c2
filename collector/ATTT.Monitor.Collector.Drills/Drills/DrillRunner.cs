using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Runs one drill: enrolls an internal drill agent per simulated host of the drill's unit, sends
/// the injects through the collector's own ingest endpoint (the real path: HTTP, authentication,
/// store, detection), then revokes the agents. Everything the injects cause is marked as drill by
/// the agents' identity.
/// </summary>
public sealed class DrillRunner(
    IAgentRegistry registry,
    PlaybookCatalog catalog,
    DrillRunStore runs,
    DrillInjector injector,
    TimeProvider time,
    ILogger<DrillRunner> logger)
{
    public async Task ExecuteAsync(long runId, Playbook playbook, CancellationToken cancellationToken)
    {
        try
        {
            if (playbook.Drill is null)
            {
                await runs.FinishAsync(runId, DrillRunStatus.Failed, "kịch bản không có phần diễn tập (the playbook has no drill section)", cancellationToken).ConfigureAwait(false);
                return;
            }

            var started = time.GetUtcNow();
            await injector.SendAsync(registry, runId, catalog.UnitOf(playbook), playbook.Drill, started, cancellationToken).ConfigureAwait(false);
            await runs.FinishAsync(runId, DrillRunStatus.Completed, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Diễn tập {Playbook} (lần {Run}) thất bại", playbook.Id, runId);
            await runs.FinishAsync(runId, DrillRunStatus.Failed, ex.Message, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
