using ATTT.Monitor.Collector.Incidents;
using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Reports;

/// <inheritdoc />
internal sealed class ReportService(
    EmbeddedDatabase database,
    NotificationComposer composer,
    IOptionsMonitor<NotificationsOptions> options,
    IncidentJournalReaders journal,
    TimeProvider time) : IReportService
{
    public async Task<IncidentReport> CreateDraftAsync(long incidentId, string form, CancellationToken cancellationToken)
    {
        if (!ReportForm.IsKnown(form))
            throw new ArgumentException($"Unknown report form '{form}': use 03 (initial) or 04 (closing).", nameof(form));
        // Reports read what the notifications area knows of the incident: bring it up to date with the journal first.
        await journal.CatchUpAsync(OutboxWriter.ReaderName, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = await ReportStore.QueryAsync(connection, transaction, "incident_id = $id AND form = $form AND status = 'draft' ORDER BY id DESC LIMIT 1",
            cancellationToken, ("$id", incidentId), ("$form", form)).ConfigureAwait(false);
        if (existing.Count > 0)
            return existing[0];
        var incident = await IncidentReportSource.GetIncidentAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Incident {incidentId} is not known to notifications.");
        var notified = await IncidentReportSource.NotifiedAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false);
        // Biểu mẫu 04 names the initial report: the one sent, else the latest 03 made (sent by other means).
        var initial = form == ReportForm.Closing
            ? First(await ReportStore.QueryAsync(connection, transaction, "incident_id = $id AND form = '03' ORDER BY status = 'sent' DESC, id DESC LIMIT 1", cancellationToken, ("$id", incidentId)).ConfigureAwait(false))
            : null;
        var note = form == ReportForm.Closing
            ? await IncidentReportSource.ResolutionNoteAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false)
            : null;
        var now = time.GetUtcNow();
        var fields = Prefill(incident, notified, initial, options.CurrentValue.Reporting, now);
        if (form == ReportForm.Closing)
            fields.HandlingResult = HandlingResult(incident, note);
        var report = await ReportStore.InsertAsync(connection, transaction, incidentId, form, fields, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return report;
    }

    public async Task<IncidentReport?> GetAsync(long reportId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return First(await ReportStore.QueryAsync(connection, null, "id = $id", cancellationToken, ("$id", reportId)).ConfigureAwait(false));
    }

    public async Task<IReadOnlyList<IncidentReport>> ListAsync(long incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReportStore.QueryAsync(connection, null, "incident_id = $id ORDER BY id", cancellationToken, ("$id", incidentId)).ConfigureAwait(false);
    }

    public async Task<IncidentReport> UpdateAsync(long reportId, ReportFields fields, CancellationToken cancellationToken)
    {
        if (fields.SecurityLevel is < 1 or > 5)
            throw new ArgumentException($"SecurityLevel must be 1 to 5 (cấp độ 1-5), not {fields.SecurityLevel}.", nameof(fields));
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await ReportStore.UpdateFieldsAsync(connection, reportId, fields, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
                throw new InvalidOperationException($"Report {reportId} does not exist or was already sent; a sent report cannot be edited.");
        }

        return (await GetAsync(reportId, cancellationToken).ConfigureAwait(false))!;
    }

    public string RenderHtml(IncidentReport report) => ReportHtmlRenderer.Render(report);

    public byte[] RenderPdf(IncidentReport report)
    {
        var reporting = options.CurrentValue.Reporting;
        PdfFontSetup.Ensure(reporting.PdfFontFile, reporting.PdfBoldFontFile);
        return ReportPdfRenderer.Render(report);
    }

    public async Task<IncidentReport> SendAsync(long reportId, CancellationToken cancellationToken)
    {
        var report = await GetAsync(reportId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Report {reportId} does not exist.");
        if (!report.IsDraft)
            return report;
        var now = time.GetUtcNow();
        var final = report with { Status = IncidentReport.Sent, SentAt = now };
        var pdf = RenderPdf(final);
        var opts = options.CurrentValue;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var incident = await IncidentReportSource.GetIncidentAsync(connection, transaction, report.IncidentId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Incident {report.IncidentId} is not known to notifications.");
        var extra = new Dictionary<string, string>
        {
            ["form_title"] = ReportForm.ShortTitle(report.Form),
            ["number"] = report.Number,
            ["organisation"] = report.Fields.ReportingOrganisation,
        };
        var attachment = new OutboxAttachment(string.Create(CultureInfo.InvariantCulture, $"bieu-mau-{report.Form}-su-co-{report.IncidentId}-{report.Id}.pdf"), "application/pdf", pdf);
        var recipients = NotificationRouter.Route(incident, opts);
        foreach (var message in composer.Compose(Notifications.Outbox.MessageKinds.Report, incident, recipients, extra, incident.IsDrill, incident.Severity))
            await OutboxStore.InsertAsync(connection, transaction, message with { Attachments = [attachment] }, cancellationToken).ConfigureAwait(false);
        await ReportStore.MarkSentAsync(connection, transaction, report.Id, now, cancellationToken).ConfigureAwait(false);
        if (!incident.IsDrill)
            await DeadlineStore.MarkMetAsync(connection, transaction, report.IncidentId, "report" + report.Form, null, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return final;
    }

    /// <summary>Biểu mẫu 04's handling result: the state reached and the officer's resolution note.</summary>
    private static string HandlingResult(Incident incident, string? note)
    {
        var ended = incident.State is Incidents.IncidentState.Resolved or Incidents.IncidentState.Closed or Incidents.IncidentState.FalsePositive;
        var state = ended ? $"Sự cố {VietnameseLabels.State(incident.State)}." : "";
        return string.IsNullOrWhiteSpace(note) ? state : (state + " Ghi chú khắc phục: " + note.Trim()).Trim();
    }

    private static IncidentReport? First(IReadOnlyList<IncidentReport> reports) => reports.Count > 0 ? reports[0] : null;

    private static ReportFields Prefill(Incident i, IReadOnlyList<(string Name, string Email, DateTimeOffset SentAt)> notified, IncidentReport? initial, ReportingOrganisationOptions org, DateTimeOffset now)
    {
        var description = new StringBuilder()
            .Append(i.Title).Append(". Loại sự cố: ").Append(VietnameseLabels.Category(i.Category))
            .Append(". Mức độ: ").Append(VietnameseLabels.Severity(i.Severity))
            .Append(". Máy trạm: ").Append(i.Host).Append(" (đơn vị ").Append(ATTT.Monitor.Collector.Access.UnitNames.Vietnamese(i.Unit)).Append(')')
            .Append(". Ghi nhận ").Append(i.Count.ToString(CultureInfo.InvariantCulture)).Append(" lần, lần gần nhất ").Append(VietnameseLabels.Time(i.LastSeen)).Append('.');
        var rule = i.RuleTitle is null ? i.RuleId : $"{i.RuleTitle} ({i.RuleId})";
        return new ReportFields
        {
            ReportingOrganisation = org.Organisation,
            ReportingAddress = org.Address,
            ContactName = org.ContactName,
            ContactPhone = org.ContactPhone,
            ContactEmail = org.ContactEmail,
            Operator = string.IsNullOrWhiteSpace(org.Operator) ? org.Organisation : org.Operator,
            Owner = string.IsNullOrWhiteSpace(org.Owner) ? org.Organisation : org.Owner,
            SystemName = $"{org.SystemName} - máy trạm {i.Host}",
            DomainOrIp = i.Host,
            SecurityLevel = org.SecurityLevel is >= 1 and <= 5 ? org.SecurityLevel : 2,
            Description = description.ToString(),
            DetectedAt = VietnameseLabels.Time(i.FirstSeen),
            IncidentStatus = VietnameseLabels.State(i.State),
            DetectionMethod = $"Phát hiện tự động bởi hệ thống giám sát ATTT Monitor{(rule is null ? "" : $" (quy tắc: {rule})")}.",
            AlreadyNotified = notified.Count == 0
                ? "Chưa thông báo cho cơ quan, tổ chức nào."
                : string.Join("\n", notified.Select(n => $"{n.Name} <{n.Email}> lúc {VietnameseLabels.Time(n.SentAt)}")),
            OperatingSystems = org.OperatingSystems,
            Services = org.Services,
            MeasuresInPlace = org.MeasuresInPlace,
            SupportRequested = "",
            KeepConfidential = true,
            ReportedAt = VietnameseLabels.Time(now),
            Signatory = org.Signatory,
            InitialReportNumber = initial?.Number ?? "",
            InitialReportDate = initial is null ? "" : (initial.SentAt ?? initial.CreatedAt).ToOffset(VietnameseLabels.VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            HandlingResult = initial is null && i.State is not (Incidents.IncidentState.Resolved or Incidents.IncidentState.Closed) ? "" : $"Sự cố {VietnameseLabels.State(i.State)}.",
            Attachments = "Nhật ký sự kiện liên quan; kế hoạch ứng phó sự cố.",
        };
    }
}
