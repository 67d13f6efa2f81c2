namespace ATTT.Monitor.Collector.Drills;

/// <summary>Synchronises the drill schedule with Quartz once the collector (and Quartz) started.</summary>
internal sealed class DrillSchedulerStartup(DrillScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scheduler.SynchronizeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
