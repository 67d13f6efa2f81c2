namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// Deletes events older than the retention period, hourly, in small slices. The period is read on
/// every run (<see cref="EventRetentionSettings"/>: the dashboard's value, else configuration), so an
/// administrator's change applies at the next run; 0 or less in configuration with no dashboard
/// value keeps events for ever.
/// </summary>
internal sealed class EventRetentionService(IEventStore store, EventStoreOptions options, EventRetentionSettings settings, TimeProvider time, ILogger<EventRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Elasticsearch retention is its lifecycle policy; this service is for the embedded store.
        if (!options.Kind.Equals(EventStoreOptions.SqliteKind, StringComparison.OrdinalIgnoreCase))
            return;
        using var timer = new PeriodicTimer(options.RetentionInterval, time);
        do
        {
            try
            {
                var days = (await settings.GetAsync(stoppingToken).ConfigureAwait(false)).Days;
                if (days <= 0)
                    continue;
                var cutoff = time.GetUtcNow().AddDays(-days);
                var deleted = await store.DeleteOlderThanAsync(cutoff, stoppingToken).ConfigureAwait(false);
                if (deleted > 0 && logger.IsEnabled(LogLevel.Information))
                    logger.LogInformation("Retention: deleted {Count} events received before {Cutoff:O}.", deleted, cutoff);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retention run failed; it will be tried again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
