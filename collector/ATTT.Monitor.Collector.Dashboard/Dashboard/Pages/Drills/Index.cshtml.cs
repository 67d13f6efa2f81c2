using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Drills;

/// <summary>Playbooks with their drill schedule, the drill history of the user's units, and "run now" for coordinators.</summary>
public sealed class IndexModel(IDrillService drillService, IAuthorizationService authorization, DashboardAudit audit) : PageModel
{
    public IReadOnlyList<(Playbook Playbook, DateTimeOffset? Next)>? Playbooks { get; private set; }
    public IReadOnlyList<DrillRun>? History { get; private set; }
    public bool CanRun { get; private set; }
    /// <summary>The run just requested by "run now" (post/redirect/get: the redirect names it).</summary>
    [BindProperty(SupportsGet = true, Name = "requested")]
    public long? Requested { get; set; }

    /// <summary>The units a province user may filter the history by (empty for a commune user).</summary>
    public IReadOnlyList<string> Units { get; private set; } = [];

    /// <summary>The unit whose history is shown; null for all units.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string? playbook, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Drills)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        if (drillService is not { } drills || drills.Playbooks.All(p => p.Id != playbook))
            return NotFound();
        long requested;
        try
        {
            requested = await drills.RunNowAsync(Caller.FromUser(User), playbook!, cancellationToken);
        }
        catch (AccessRefusedException)
        {
            // Audited as refused by the drill service: the playbook runs in a unit the user does not reach.
            return Forbid(DashboardPolicies.Scheme);
        }

        await audit.WriteAsync(User, "drills", "run_requested", "playbook:" + playbook, $"run={requested}", cancellationToken);
        // Post/redirect/get: a reload of the page the browser lands on does not request a second run.
        return RedirectToPage(new { requested });
    }

    /// <summary>A playbook's title for the history; the id of one no longer loaded.</summary>
    public string PlaybookTitle(string id) => drillService?.Playbooks.FirstOrDefault(p => p.Id == id)?.Title ?? id;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (drillService is not { } drills)
            return;
        Playbooks = drills.Playbooks.Select(p => (p, drills.ScheduleOf(p.Id).Next)).ToList();
        if (User.OwnUnit() is { } own)
        {
            History = await drills.HistoryAsync(own, cancellationToken);
        }
        else
        {
            var all = await drills.HistoryAsync(null, cancellationToken);
            Units = all.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit;
            History = Unit is null ? all : all.Where(r => r.Unit == Unit).ToList();
        }

        CanRun = (await authorization.AuthorizeAsync(User, DashboardPolicies.Drills)).Succeeded;
    }
}
