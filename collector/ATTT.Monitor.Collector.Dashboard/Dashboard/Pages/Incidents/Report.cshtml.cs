using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Dashboard.Reporting;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Incidents;

/// <summary>
/// One authorities' report (Biểu mẫu 03 or 04) of an incident: officers and admins create, edit,
/// save and send the draft; everyone who sees the incident reads it, prints it and downloads the
/// PDF. A sent report is frozen by the report service. The incident is looked up in the user's
/// unit scope first, so a report of another commune's incident does not exist for them.
/// </summary>
public sealed class ReportModel(IReportService reportService, IIncidentService incidentService, IDeadlineClock deadlineClock, IAuthorizationService authorization, DashboardAudit audit) : PageModel
{
    public IncidentDetail? Incident { get; private set; }
    public IncidentReport? Report { get; private set; }
    public IReadOnlyList<DeadlineStatus> Deadlines { get; private set; } = [];
    public AuditRecord? SentBy { get; private set; }
    public AuditRecord? SavedBy { get; private set; }
    public bool CanEdit { get; private set; }
    public string? ErrorMessage { get; private set; }
    public string? SuccessKey { get; private set; }

    [BindProperty]
    public ReportFieldsForm Fields { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, long? reportId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reportId, cancellationToken) || Report is null)
            return NotFound();
        Fields = ReportFieldsForm.From(Report!.Fields);
        if (Request.Query["done"].ToString() is { Length: > 0 } done && done.StartsWith("Reports.", StringComparison.Ordinal))
            SuccessKey = done;
        return Page();
    }

    /// <summary>The printable A4 page, as the report service lays it out, with its style linked (the CSP forbids inline style).</summary>
    public async Task<IActionResult> OnGetPrintAsync(long id, long? reportId, CancellationToken cancellationToken) =>
        await LoadAsync(id, reportId, cancellationToken) && Report is not null
            ? Content(ReportHtmlRenderer.Render(Report!, PrintStylesModel.ReportHref), "text/html; charset=utf-8")
            : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(long id, long? reportId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, reportId, cancellationToken) || Report is null)
            return NotFound();
        var pdf = Reports.RenderPdf(Report!);
        return File(pdf, "application/pdf", $"bieu-mau-{Report!.Form}-su-co-{id}-{Report.Id}.pdf");
    }

    /// <summary>Opens the draft of a form for the incident (the existing one if there is a draft already).</summary>
    public async Task<IActionResult> OnPostCreateAsync(long id, string? form, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
            return Forbid(DashboardPolicies.Scheme);
        if (!await LoadAsync(id, null, cancellationToken))
            return NotFound();
        if (form is null || !ReportForm.IsKnown(form))
            return BadRequest();
        if (form == ReportForm.Closing && Incident!.Incident.State is not (IncidentState.Resolved or IncidentState.Closed))
            return BadRequest();
        var known = (await Reports.ListAsync(id, cancellationToken)).Select(r => r.Id).ToHashSet();
        var draft = await Reports.CreateDraftAsync(id, form, cancellationToken);
        if (!known.Contains(draft.Id))
            await audit.WriteAsync(User, IncidentsSchema.Area, ReportAudit.Created, IncidentTarget.Of(id), ReportAudit.Details(draft), cancellationToken);
        return RedirectToPage(new { id, reportId = draft.Id });
    }

    public Task<IActionResult> OnPostSaveAsync(long id, long? reportId, CancellationToken cancellationToken) =>
        SaveAsync(id, reportId, send: false, confirm: false, cancellationToken);

    public Task<IActionResult> OnPostSendAsync(long id, long? reportId, bool confirm, CancellationToken cancellationToken) =>
        SaveAsync(id, reportId, send: true, confirm, cancellationToken);

    private IReportService Reports => reportService ?? throw new InvalidOperationException("The report service is not available.");

    private async Task<IActionResult> SaveAsync(long id, long? reportId, bool send, bool confirm, CancellationToken cancellationToken)
    {
        if (!await MayEditAsync())
            return Forbid(DashboardPolicies.Scheme);
        if (!await LoadAsync(id, reportId, cancellationToken))
            return NotFound();
        var report = Report!;
        if (!report.IsDraft)
            return Fail("Reports.AlreadySent");
        if (!ModelState.IsValid)
            return Fail("Reports.Invalid");
        if (send && !confirm)
            return Fail("Reports.ConfirmMissing");
        try
        {
            report = await Reports.UpdateAsync(report.Id, Fields.ApplyTo(report.Fields, report.Form), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Sent by someone else between loading and saving: the sent report stays as it was.
            return Fail("Reports.AlreadySent");
        }

        await audit.WriteAsync(User, IncidentsSchema.Area, ReportAudit.Saved, IncidentTarget.Of(id), ReportAudit.Details(report), cancellationToken);
        if (send)
        {
            report = await Reports.SendAsync(report.Id, cancellationToken);
            await audit.WriteAsync(User, IncidentsSchema.Area, ReportAudit.Sent, IncidentTarget.Of(id), ReportAudit.Details(report), cancellationToken);
        }

        return RedirectToPage(new { id, reportId = report.Id, done = send ? "Reports.SentDone" : "Reports.Saved" });
    }

    private PageResult Fail(string key)
    {
        ErrorMessage = key;
        return Page();
    }

    private async Task<bool> MayEditAsync() => (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;

    private async Task<bool> LoadAsync(long id, long? reportId, CancellationToken cancellationToken)
    {
        if (incidentService is not { } incidents || reportService is not { } reports)
            return false;
        Incident = await incidents.GetAsync(id, UnitScope.FromUser(User), cancellationToken);
        if (Incident is null)
            return false;
        CanEdit = await MayEditAsync();
        if (reportId is null)
            return true;
        Report = await reports.GetAsync(reportId.Value, cancellationToken);
        if (Report is null || Report.IncidentId != id)
            return false;
        SentBy = ReportAudit.Last(Incident.Timeline, Report, ReportAudit.Sent);
        SavedBy = ReportAudit.Last(Incident.Timeline, Report, ReportAudit.Saved);
        if (deadlineClock is { } clock)
            Deadlines = (await clock.GetAsync(id, cancellationToken)).Where(d => d.MetBy == "report" + Report.Form).ToList();
        return true;
    }
}
