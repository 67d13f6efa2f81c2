using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Dashboard.Drilling;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Drills;

/// <summary>
/// One drill run: the measured chain (inject, detection, incident, notice, acknowledgements)
/// against the playbook's targets, step sign-off, the coordinator's lessons, the after-action
/// report (printable HTML, CSV) and the other drills of the same unit. A commune user sees only
/// the drills of their commune.
/// </summary>
public sealed class RunModel(IDrillService drillService, DashboardAudit audit) : PageModel
{
    public const int MaxLessons = 8000;
    public const int MaxNote = 1000;

    public DrillReport? Report { get; private set; }
    public Playbook? Playbook { get; private set; }
    public IReadOnlyList<DrillRun> UnitHistory { get; private set; } = [];
    public bool CanCoordinate { get; private set; }
    public bool CanSign { get; private set; }
    public string? ErrorKey { get; private set; }
    public string? SuccessKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(long runId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(runId, cancellationToken))
            return NotFound();
        if (Request.Query["done"].ToString() is { Length: > 0 } done && done.StartsWith("Drills.", StringComparison.Ordinal))
            SuccessKey = done;
        return Page();
    }

    /// <summary>The printable after-action report as the drill service renders it, with its style linked (the CSP forbids inline style).</summary>
    public async Task<IActionResult> OnGetReportAsync(long runId, CancellationToken cancellationToken) =>
        await LoadAsync(runId, cancellationToken)
            ? Content(DrillReportHtml.Render(Report!, PrintStylesModel.DrillHref), "text/html; charset=utf-8")
            : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(long runId, CancellationToken cancellationToken) =>
        await LoadAsync(runId, cancellationToken)
            ? File(Encoding.UTF8.GetBytes(DrillReportCsv.Render(Report!)), "text/csv; charset=utf-8",
                string.Create(CultureInfo.InvariantCulture, $"bao-cao-sau-dien-tap-{runId}.csv"))
            : NotFound();

    public async Task<IActionResult> OnPostSignOffAsync(long runId, string? step, string? note, CancellationToken cancellationToken)
    {
        if (User.IsInRole(UserRoles.Viewer))
            return Forbid(DashboardPolicies.Scheme);
        if (!await LoadAsync(runId, cancellationToken))
            return NotFound();
        if (Playbook?.Steps.FirstOrDefault(s => s.Id == step) is not { } target)
            return BadRequest();
        if (!DrillStepPermission.CanSignOff(User, Playbook, target))
            return Forbid(DashboardPolicies.Scheme);
        if (!CanSign)
            return Fail("Drills.NotSignable");
        if (Report!.Steps.Any(s => s.StepId == target.Id && s.Done))
            return Fail("Drills.AlreadySigned");
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxNote })
            return Fail("Drills.NoteTooLong");
        await Drills.SignOffStepAsync(runId, target.Id, DashboardAudit.ActorName(User), text, cancellationToken);
        await audit.WriteAsync(User, "drills", "step_signed_off", Target(runId), $"{target.Number}. {target.Id} ({target.Role})", cancellationToken);
        return RedirectToPage(new { runId, done = "Drills.StepSigned" });
    }

    public async Task<IActionResult> OnPostLessonsAsync(long runId, string? lessons, CancellationToken cancellationToken)
    {
        if (!DrillStepPermission.CanCoordinate(User))
            return Forbid(DashboardPolicies.Scheme);
        if (!await LoadAsync(runId, cancellationToken))
            return NotFound();
        var text = (lessons ?? "").Trim().ReplaceLineEndings("\n");
        if (text.Length == 0)
            return Fail("Drills.LessonsEmpty");
        if (text.Length > MaxLessons)
            return Fail("Drills.LessonsTooLong");
        await Drills.WriteLessonsAsync(runId, text, DashboardAudit.ActorName(User), cancellationToken);
        await audit.WriteAsync(User, "drills", "lessons_written", Target(runId), string.Create(CultureInfo.InvariantCulture, $"{text.Length} ký tự"), cancellationToken);
        return RedirectToPage(new { runId, done = "Drills.LessonsSaved" });
    }

    /// <summary>A playbook's title for the unit's history; the id of one no longer loaded.</summary>
    public string PlaybookTitle(string id) => drillService?.Playbooks.FirstOrDefault(p => p.Id == id)?.Title ?? id;

    public bool MaySignOff(PlaybookStep step) => CanSign && Playbook is not null && DrillStepPermission.CanSignOff(User, Playbook, step);

    private IDrillService Drills => drillService ?? throw new InvalidOperationException("The drill service is not available.");

    private static string Target(long runId) => string.Create(CultureInfo.InvariantCulture, $"drill_run:{runId}");

    private PageResult Fail(string key)
    {
        ErrorKey = key;
        return Page();
    }

    private async Task<bool> LoadAsync(long runId, CancellationToken cancellationToken)
    {
        if (drillService is not { } drills)
            return false;
        var report = await drills.GetReportAsync(runId, cancellationToken);
        // A commune user sees only the drills of their commune; another unit's run does not exist for them.
        if (report is null || (User.OwnUnit() is { } own && own != report.Run.Unit))
            return false;
        Report = report;
        Playbook = drills.Playbooks.FirstOrDefault(p => p.Id == report.Run.PlaybookId);
        UnitHistory = await drills.HistoryAsync(report.Run.Unit, cancellationToken);
        CanCoordinate = DrillStepPermission.CanCoordinate(User);
        // A drill that never started (missed, still requested) has no steps to sign off.
        CanSign = report.Run.Status is not (DrillRunStatus.Missed or DrillRunStatus.Requested);
        return true;
    }
}
