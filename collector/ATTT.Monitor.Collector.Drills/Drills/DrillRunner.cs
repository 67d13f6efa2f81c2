using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Runs one drill: closes the drill incidents still open in the unit (so this run opens and measures
/// incidents of its own instead of joining the last run's), keeps the playbook's targets with the
/// run, enrolls an internal drill agent per simulated host, sends the injects through the
/// collector's own ingest endpoint (the real path: HTTP, authentication, store, detection), revokes
/// the agents, then waits until detection has read every injected event and the drills' journal
/// reader has caught up, so the report can tell a rule that did not fire at once.
/// </summary>
internal sealed class DrillRunner(
    IAgentRegistry registry,
    PlaybookCatalog catalog,
    DrillRunStore runs,
    DrillInjector injector,
    DrillMeasurements measurements,
    IIncidentService incidents,
    IEventStore events,
    EmbeddedDatabase database,
    IncidentJournalReaders journal,
    TimeProvider time,
    ILogger<DrillRunner> logger)
{
    public const string Actor = AuditActors.System + ":drills";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task ExecuteAsync(long runId, Playbook playbook, CancellationToken cancellationToken)
    {
        try
        {
            if (playbook.Drill is null)
            {
                await runs.FinishAsync(runId, DrillRunStatus.Failed, "kịch bản không có phần diễn tập (the playbook has no drill section)", cancellationToken).ConfigureAwait(false);
                return;
            }

            var unit = catalog.UnitOf(playbook);
            await CloseEarlierDrillIncidentsAsync(unit, runId, cancellationToken).ConfigureAwait(false);
            await runs.SaveTargetsAsync(runId, playbook.Drill.Targets, cancellationToken).ConfigureAwait(false);
            var started = time.GetUtcNow();
            await injector.SendAsync(registry, runId, unit, playbook.Drill, started, cancellationToken).ConfigureAwait(false);
            if (await SettleAsync(playbook.Drill.Targets.Detect, cancellationToken).ConfigureAwait(false))
                await measurements.RecordOnceAsync(runId, DrillLink.DetectionSettled, time.GetUtcNow(), null, cancellationToken).ConfigureAwait(false);
            await runs.FinishAsync(runId, DrillRunStatus.Completed, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Diễn tập {Playbook} (lần {Run}) thất bại", playbook.Id, runId);
            await runs.FinishAsync(runId, DrillRunStatus.Failed, ex.Message, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task CloseEarlierDrillIncidentsAsync(string unit, long runId, CancellationToken cancellationToken)
    {
        var open = await incidents.QueryAsync(
            new IncidentQuery { Drill = true, Unit = unit, States = [IncidentState.New, IncidentState.InProgress], Limit = 500 }, UnitScope.All, cancellationToken).ConfigureAwait(false);
        foreach (var incident in open.Items)
        {
            await incidents.ChangeStateAsync(incident.Id, IncidentState.Closed,
                $"Đóng khi bắt đầu lần diễn tập {runId} (closed when drill run {runId} started)", Actor, UnitScope.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until detection has read every stored event, which
    /// includes the injects just accepted, and the drills' journal reader has read every change made
    /// until then. False when that did not happen in time: the detection target then waits for its deadline.
    /// </summary>
    private async Task<bool> SettleAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < limit)
        {
            var checkpoint = await DetectionCheckpoint.ReadAsync(database, cancellationToken).ConfigureAwait(false);
            if ((await events.ReadAfterAsync(checkpoint, 1, cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                var head = (await journal.StatusAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Name == DrillJournalReader.ReaderName)?.Head ?? 0;
                while (waited.Elapsed < limit)
                {
                    var reader = (await journal.StatusAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Name == DrillJournalReader.ReaderName);
                    if (reader is null || reader.Checkpoint >= head)
                        return true;
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }

                return false;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }
}
