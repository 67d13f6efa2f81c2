namespace ATTT.Monitor.Collector.Users;

public static class StartupNoticesExtensions
{
    /// <summary>The hook <c>CollectorHost.RunAsync</c> calls after the dashboard URL line.</summary>
    public static Task WriteStartupNoticesAsync(this IServiceProvider services, TextWriter output, CancellationToken cancellationToken) =>
        services.GetService<StartupNotices>()?.WriteAsync(output, cancellationToken) ?? Task.CompletedTask;
}
