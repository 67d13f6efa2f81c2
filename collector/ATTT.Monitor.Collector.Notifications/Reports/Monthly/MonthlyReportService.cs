using System.Text.Json;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>
/// Builds each unit's monthly report, keeps it (notification_monthly_reports, once per unit and
/// month, so a re-fired job sends nothing twice) and queues it by mail in the same transaction.
/// </summary>
internal sealed class MonthlyReportService(
    EmbeddedDatabase database,
    NotificationComposer composer,
    IOptionsMonitor<NotificationsOptions> options,
    TimeProvider time,
    PlanIndicatorService? plan = null,
    IEventStore? events = null) : IMonthlyReports
{
    public async Task<MonthlySecurityReport> BuildAsync(string unit, int year, int month, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await WithPlanAsync(await MonthlyReportBuilder.BuildAsync(connection, unit, year, month, options.CurrentValue.MonthlyReport, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every unit a report is made for: those with incidents or enrolled agents, and the configured ones.</summary>
    public async Task<IReadOnlyList<string>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await MonthlyReportSources.UnitsAsync(connection, cancellationToken).ConfigureAwait(false))
            .Concat(options.CurrentValue.MonthlyReport.Units).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The report as PDF (<see cref="MonthlyReportPdf"/>), with the font configured for Biểu mẫu 03/04.</summary>
    public byte[] RenderPdf(MonthlySecurityReport report)
    {
        var reporting = options.CurrentValue.Reporting;
        PdfFontSetup.Ensure(reporting.PdfFontFile, reporting.PdfBoldFontFile);
        return MonthlyReportPdf.Render(report, reporting.Organisation);
    }

    /// <summary>Adds indicator 1 and the month's lost events when the posture area and an event store are installed.</summary>
    private async Task<MonthlySecurityReport> WithPlanAsync(MonthlySecurityReport report, CancellationToken cancellationToken) =>
        plan is null || events is null
            ? report
            : report with { Plan = await MonthlyPlanSource.ReadAsync(plan, events, report.Unit, report.From, report.To, cancellationToken).ConfigureAwait(false) };

    /// <summary>The month before the current one in Vietnam time.</summary>
    public Task<int> RunForPreviousMonthAsync(CancellationToken cancellationToken)
    {
        var local = time.GetUtcNow().ToOffset(VietnameseLabels.VietnamOffset);
        var previous = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
        return RunAsync(previous.Year, previous.Month, cancellationToken);
    }

    /// <summary>Builds, stores and mails the month's report of every unit; returns how many were new.</summary>
    public async Task<int> RunAsync(int year, int month, CancellationToken cancellationToken)
    {
        var opts = options.CurrentValue;
        var units = await UnitsAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var created = 0;
        foreach (var unit in units)
        {
            var report = await WithPlanAsync(await MonthlyReportBuilder.BuildAsync(connection, unit, year, month, opts.MonthlyReport, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = Sql.Command(connection, transaction,
                "INSERT OR IGNORE INTO notification_monthly_reports (unit, month, report_json, created_at) VALUES ($unit, $month, $json, $now);",
                ("$unit", unit), ("$month", report.Month), ("$json", JsonSerializer.Serialize(report)), ("$now", DbTime.Format(time.GetUtcNow())));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                continue;
            var extra = new Dictionary<string, string>
            {
                ["unit"] = ATTT.Monitor.Collector.Access.UnitNames.Vietnamese(unit),
                ["month"] = $"{month:D2}/{year:D4}",
                ["from"] = VietnameseLabels.Time(report.From),
                ["to"] = VietnameseLabels.Time(report.To),
                ["summary"] = MonthlyReportText.Summary(report),
            };
            foreach (var message in composer.Compose("monthly", null, Recipients(unit, opts), extra, isDrill: false, IncidentSeverity.Low))
                await OutboxStore.InsertAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            created++;
        }

        return created;
    }

    private static IReadOnlyList<Recipient> Recipients(string unit, NotificationsOptions opts)
    {
        if (opts.MonthlyReport.Recipients.Count > 0)
            return NotificationRouter.Contacts(opts.MonthlyReport.Recipients, opts);
        var probe = new Incident(0, "", null, null, [], IncidentCategory.Other, IncidentSeverity.Medium, IncidentState.New, unit, "", null, default, default, 0, false, null, null, default, default, null, null);
        return [.. NotificationRouter.Route(probe, opts).Select(r => r with { IsTo = true })];
    }
}
