namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>Deletes events older than the retention period (default 90 days), hourly, in small slices.</summary>
internal sealed class EventRetentionService(IEventStore store, EventStoreOptions options, TimeProvider time, ILogger<EventRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Elasticsearch retention is its lifecycle policy; this service is for the embedded store.
        if (options.RetentionDays <= 0 || !options.Kind.Equals(EventStoreOptions.SqliteKind, StringComparison.OrdinalIgnoreCase))
            return;
        using var timer = new PeriodicTimer(options.RetentionInterval, time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow().AddDays(-options.RetentionDays);
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
