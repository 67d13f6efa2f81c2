using ATTT.Monitor.Agent.Pipeline;
using Microsoft.Extensions.Hosting;

namespace ATTT.Monitor.Agent.Service;

/// <summary>Runs the agent inside the generic host when Windows' service control manager starts it.</summary>
internal sealed class AgentBackgroundService(AgentRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runner.RunAsync(stoppingToken);
}
