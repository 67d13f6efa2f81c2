namespace ATTT.Monitor.Collector.Drills;

/// <summary>Runs the drills requested through the data folder (<c>attt drills run</c>, the dashboard's "run now").</summary>
internal sealed class DrillRequestWatcher(DrillRunStore runs, DrillRunner runner, PlaybookCatalog catalog, ILogger<DrillRequestWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (id, playbookId) in await runs.ClaimRequestedAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (catalog.Find(playbookId) is { } playbook)
                    {
                        await runs.SetUnitAsync(id, catalog.UnitOf(playbook), stoppingToken).ConfigureAwait(false);
                        _ = Task.Run(() => runner.ExecuteAsync(id, playbook, stoppingToken), stoppingToken);
                    }
                    else
                        await runs.FinishAsync(id, DrillRunStatus.Failed, $"không có kịch bản '{playbookId}' (no such playbook)", stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Không đọc được yêu cầu diễn tập (cannot read drill requests)");
            }

            await Task.Delay(PollEvery, stoppingToken).ConfigureAwait(false);
        }
    }
}
