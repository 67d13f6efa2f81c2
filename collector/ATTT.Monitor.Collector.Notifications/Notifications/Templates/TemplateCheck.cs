using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Templates;

/// <summary>
/// Checks every notification template at start-up and again whenever a file in the operator's
/// template folder changes (looked for every <see cref="NotificationsOptions.TemplateCheckInterval"/>),
/// and keeps the result in <see cref="TemplateHealth"/> for the dashboard and the log.
/// </summary>
internal sealed class TemplateCheck(
    TemplateRenderer renderer, TemplateHealth health, IOptionsMonitor<NotificationsOptions> options, TimeProvider time, ILogger<TemplateCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? seen = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = Fingerprint(options.CurrentValue.TemplatesFolder);
                if (now != seen)
                {
                    seen = now;
                    RunOnce();
                }

                await Task.Delay(options.CurrentValue.TemplateCheckInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public IReadOnlyList<TemplateProblem> RunOnce()
    {
        var problems = renderer.Check(MessageKinds.All);
        health.Replace(problems);
        foreach (var p in problems)
            logger.LogError("Notification template {Path} cannot be used ({Reason}); {Fallback}", p.Path, p.Reason, p.UsesShipped ? "the shipped template is used instead" : "messages of this kind cannot be written");
        return problems;
    }

    /// <summary>Names, sizes and write times of the operator's template files: any edit changes it.</summary>
    private static string Fingerprint(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
            return folder ?? "";
        return string.Join('|', new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
    }
}
