using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Incidents;

/// <summary>
/// One incident: what happened, the matched events with every field, and the triage commands.
/// Commands go through <see cref="IIncidentService"/>, which checks the unit scope and audits them.
/// </summary>
public sealed class DetailModel(IDrillService drillService, IIncidentService incidentService, INotificationQueries notificationQueries, IDeadlineClock deadlineClock, IReportService reportService, IAuthorizationService authorization, DashboardAudit audit, IncidentGuidance? guidance = null) : PageModel
{
    private IIncidentService? _incidents;

    /// <summary>The ATT&amp;CK table that names the detections' tactics (<see cref="Localization.TacticNames"/>).</summary>
    public IncidentGuidance Guidance => guidance ?? IncidentGuidance.None;

    public IncidentDetail? Detail { get; private set; }
    public bool CanTriage { get; private set; }
    public string? ErrorMessage { get; private set; }
    public string? SuccessKey { get; private set; }
    public IReadOnlyList<PlaybookProgress>? Playbooks { get; private set; }
    public IReadOnlyList<NoticeView>? Notices { get; private set; }
    public IReadOnlyList<DeadlineStatus>? Deadlines { get; private set; }
    public IReadOnlyList<IncidentReport>? Reports { get; private set; }

    /// <summary>A playbook answering this incident and the steps already signed off.</summary>
    public sealed record PlaybookProgress(Playbook Playbook, IReadOnlyDictionary<string, (string By, DateTimeOffset At, string? Note)> Done);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(long id, string? assignee, CancellationToken cancellationToken) =>
        RunAsync(id, "Incidents.Assigned", () => Incidents.AssignAsync(id, assignee?.Trim(), Actor, Scope, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(long id, string? text, CancellationToken cancellationToken) =>
        RunAsync(id, "Incidents.Commented", () => Incidents.CommentAsync(id, text ?? "", Actor, Scope, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStateAsync(long id, string? state, string? note, CancellationToken cancellationToken) =>
        RunAsync(id, "Incidents.StateChanged", () =>
        {
            if (!IncidentText.TryParseState(state, out var target))
                throw new InvalidIncidentCommandException("Trạng thái không hợp lệ / unknown state.", "state");
            return Incidents.ChangeStateAsync(id, target, note, Actor, Scope, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Marks the incident a personal-data breach known now. Every signed-in user reaches the service,
    /// which lets only an administrator of the incident's unit or of the province through and audits
    /// a refusal; an incident already marked keeps its first mark (the redirect says so).
    /// </summary>
    public async Task<IActionResult> OnPostPersonalDataAsync(long id, string? note, CancellationToken cancellationToken)
    {
        try
        {
            var before = (await Incidents.GetAsync(id, Scope, cancellationToken))?.PersonalDataBreach;
            await Incidents.MarkPersonalDataBreachAsync(id, note, Caller.FromUser(User), cancellationToken);
            return RedirectToPage(new { id, done = before is null ? "Incidents.PersonalDataMarked" : "Incidents.PersonalDataAlready" });
        }
        catch (IncidentNotFoundException)
        {
            return NotFound();
        }
        catch (AccessRefusedException)
        {
            return Forbid(DashboardPolicies.Scheme);
        }
        catch (InvalidIncidentCommandException e)
        {
            ErrorMessage = e.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    /// <summary>Whether the caller may mark this incident a personal-data breach (the form is shown only then).</summary>
    public bool CanMarkPersonalData { get; private set; }

    public async Task<IActionResult> OnPostStepAsync(long id, string? playbook, string? step, string? note, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        // Scope first: an incident of another unit does not exist for this user.
        var incident = await Incidents.GetAsync(id, Scope, cancellationToken);
        if (incident is null || drillService is not { } drills)
            return NotFound();
        var known = drills.PlaybooksForIncident(incident.Incident.Category, incident.Incident.RuleId)
            .Any(p => p.Id == playbook && p.Steps.Any(s => s.Id == step));
        if (!known)
            return BadRequest();
        await drills.SignOffIncidentStepAsync(id, playbook!, step!, Actor, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken);
        await audit.WriteAsync(User, "incidents", "playbook_step_done", IncidentTarget.Of(id), $"{playbook}/{step}", cancellationToken);
        return RedirectToPage(new { id, done = "Incidents.StepDone" });
    }

    /// <summary>The title of a playbook and the number of its step, for a step signed off on this incident (null for one no longer loaded).</summary>
    public (string Title, int Number)? Step(string playbookId, string stepId) =>
        drillService?.Playbooks.FirstOrDefault(p => p.Id == playbookId) is { } playbook && playbook.Steps.FirstOrDefault(s => s.Id == stepId) is { } step
            ? (playbook.Title, step.Number)
            : null;

    private IIncidentService Incidents => _incidents ??= incidentService ?? throw new InvalidOperationException("The incident service is not available.");

    private string Actor => DashboardAudit.ActorName(User);

    private UnitScope Scope => UnitScope.FromUser(User);

    private async Task<IActionResult> RunAsync(long id, string successKey, Func<Task> command, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        try
        {
            await command();
        }
        catch (IncidentNotFoundException)
        {
            return NotFound();
        }
        catch (InvalidIncidentCommandException e)
        {
            ErrorMessage = e.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        // Post/redirect/get: a reload does not repeat the command.
        return RedirectToPage(new { id, done = successKey });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (incidentService is not { } incidents)
            return false;
        Detail = await incidents.GetAsync(id, UnitScope.FromUser(User), cancellationToken);
        if (Detail is null)
            return false;
        if (drillService is { } drills)
        {
            var progress = new List<PlaybookProgress>();
            foreach (var playbook in drills.PlaybooksForIncident(Detail.Incident.Category, Detail.Incident.RuleId))
                progress.Add(new PlaybookProgress(playbook, await drills.IncidentSignOffsAsync(id, playbook.Id, cancellationToken)));
            Playbooks = progress;
        }

        if (notificationQueries is { } notices)
            Notices = await notices.GetNoticesAsync(id, cancellationToken);
        if (deadlineClock is { } deadlines)
            Deadlines = await deadlines.GetAsync(id, cancellationToken);
        if (reportService is { } reports)
            Reports = await reports.ListAsync(id, cancellationToken);
        CanTriage = (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;
        CanMarkPersonalData = AdministrationPolicy.MarkPersonalDataBreach(Caller.FromUser(User), Detail.Incident.Unit).IsAllowed;
        if (Request.Query["done"].ToString() is { Length: > 0 } done && done.StartsWith("Incidents.", StringComparison.Ordinal))
            SuccessKey = done;
        return Detail is not null;
    }
}
