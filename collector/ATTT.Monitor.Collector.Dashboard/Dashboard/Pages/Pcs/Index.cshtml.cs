using ATTT.Monitor.Collector.Dashboard.Forms;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Pcs;

/// <summary>Enrolled PCs of the user's units with their antivirus class, filters, and enrollment codes for new ones.</summary>
public sealed class IndexModel(IAgentRegistry agentRegistry, EnrollmentCodes enrollmentCodes, PcDirectory directory, PlanIndicatorService plan, IAuthorizationService authorization) : PageModel
{
    /// <summary>The PCs shown (after the filters); null when the registry is not available.</summary>
    public IReadOnlyList<PcSummary>? Pcs { get; private set; }
    public int TotalPcs { get; private set; }
    public bool HasPosture => directory.HasPosture;
    public bool CanEnroll { get; private set; }
    public string? UserUnit => User.OwnUnit();
    public string? NewCode { get; private set; }

    /// <summary>Indicator 1 of the plan per unit the user may see.</summary>
    public IReadOnlyList<UnitPlanIndicators> Plan { get; private set; } = [];
    public MinimumConfigurationOptions Minimum => plan.Options;

    /// <summary>Filter by antivirus class (<see cref="PostureClasses.ToText"/>); unknown values are ignored.</summary>
    [BindProperty(SupportsGet = true, Name = "posture")]
    public string? PostureFilter { get; set; }

    /// <summary>Filter by status (<see cref="PcStatuses.ToText"/>); unknown values are ignored.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnrollAsync(string? unit, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        if (agentRegistry is null)
            return NotFound();
        // An empty unit is the user's own; a commune user asking for another unit is refused (and audited) by the service.
        var target = string.IsNullOrWhiteSpace(unit) ? UserUnit : unit.Trim();
        if (string.IsNullOrEmpty(target))
            return BadRequest();
        string code;
        try
        {
            code = await enrollmentCodes.CreateAsync(Caller.FromUser(User), target, TimeSpan.FromHours(24), cancellationToken);
        }
        catch (AccessRefusedException)
        {
            return Forbid(DashboardPolicies.Scheme);
        }

        // Post/redirect/get: the code is shown once, from TempData, and a reload makes no second code.
        FlashMessage.Set(TempData, NewCodeKey, false, code);
        return RedirectToPage();
    }

    private const string NewCodeKey = "Pcs.EnrollCode";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (FlashMessage.Take(TempData) is { Key: NewCodeKey, Args: [var code] })
            NewCode = code;
        var all = await directory.ListAsync(User, cancellationToken);
        if (all is null)
            return;
        TotalPcs = all.Count;
        Plan = await plan.PerUnitAsync(UnitScope.FromUser(User), cancellationToken);
        IEnumerable<PcSummary> shown = all;
        if (PostureClasses.TryParse(PostureFilter, out var posture))
            shown = shown.Where(p => p.Class == posture && p.Status != PcStatus.Revoked);
        else
            PostureFilter = null;
        if (PcStatuses.TryParse(StatusFilter, out var status))
            shown = shown.Where(p => p.Status == status);
        else
            StatusFilter = null;
        Pcs = shown.ToList();
        CanEnroll = (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;
    }
}
