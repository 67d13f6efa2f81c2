using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Users;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Dashboard.Reporting;

/// <summary>
/// At start, looks for the font the PDF reports need (<see cref="PdfFontLookup"/>): without one
/// that has every Vietnamese letter, Biểu mẫu 03/04 cannot be printed, and the operator learns it
/// now (a log warning, a console line, a notice on the overview) rather than when a report is due.
/// </summary>
internal sealed class PdfFontStartupCheck(IOptions<NotificationsOptions> options, StartupNotices notices, ILogger<PdfFontStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var reporting = options.Value.Reporting;
        var found = PdfFontLookup.Find(reporting.PdfFontFile, reporting.PdfBoldFontFile);
        if (found.Found)
        {
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("PDF reports use the font {FontFile}", found.RegularPath);
            return Task.CompletedTask;
        }

        if (logger.IsEnabled(LogLevel.Warning))
            logger.LogWarning("PDF reports cannot be printed: {Problem}", found.Problem);
        notices.AddWarning(new StartupWarning(
            "Không tìm thấy phông chữ có đủ chữ tiếng Việt cho báo cáo PDF (Biểu mẫu 03, 04): hãy cài gói fonts-noto-core (scripts/install-deps.sh run) hoặc đặt Notifications:Reporting:PdfFontFile. " + found.Problem,
            "PDF reports cannot be printed: " + found.Problem));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
