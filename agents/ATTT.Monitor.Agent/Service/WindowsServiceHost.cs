using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using ATTT.Monitor.Agent.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;

namespace ATTT.Monitor.Agent.Service;

/// <summary>
/// The agent under Windows' service control manager: the generic host with the Windows service
/// lifetime runs <see cref="AgentRunner"/>. Kept apart from the command line so that the hosting
/// assemblies are loaded only where they are used (they were loaded, unused, by every Linux run).
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WindowsServiceHost
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsServiceProcess() => WindowsServiceHelpers.IsWindowsService();

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task RunAsync(AgentRunner runner, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWindowsService(o => o.ServiceName = "ATTTAgent");
        builder.Services.AddSingleton(runner);
        builder.Services.AddHostedService<AgentBackgroundService>();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
