using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>
/// Runs every journal consumer in a loop of its own: catch up, then wait for the poll interval; after
/// a failure wait longer (doubling up to five minutes) and try the same entry again. One consumer
/// failing never holds up another.
/// </summary>
internal sealed class IncidentJournalFollower(
    IncidentJournalReaders readers, IOptions<IncidentsOptions> options, TimeProvider time, ILogger<IncidentJournalFollower> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(readers.Consumers.Select(c => FollowAsync(c, stoppingToken)));

    private async Task FollowAsync(IIncidentJournalConsumer consumer, CancellationToken stoppingToken)
    {
        var poll = options.Value.JournalPollInterval;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    await readers.CatchUpAsync(consumer, stoppingToken).ConfigureAwait(false);
                    failures = 0;
                    wait = poll;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures++;
                    wait = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, poll.Ticks * (1L << Math.Min(failures, 20))));
                    logger.LogError(ex, "Incident journal reader {Reader} failed; retrying in {Delay}", consumer.Name, wait);
                }

                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
