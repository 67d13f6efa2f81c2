using ATTT.Monitor.Collector.Dashboard.Forms;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Incidents.Hosts;
using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Pcs;

/// <summary>
/// Every host seen in the user's units: enrolled PCs with their antivirus class and open incidents,
/// filters, enrollment codes for new ones; then the hosts with no agent enrolled that incidents or
/// stored events name. Each list is paged (<see cref="PcList.PageSize"/> a page, stable order) with its totals.
/// </summary>
public sealed class IndexModel(IAgentRegistry agentRegistry, EnrollmentCodes enrollmentCodes, PcList pcList, PlanIndicatorService plan, IAuthorizationService authorization, IncidentHostDirectory incidentHosts) : PageModel
{
    /// <summary>The page of PCs shown (after the filters); null when the registry is not available.</summary>
    public ListPage<PcSummary>? Pcs { get; private set; }
    public int TotalPcs { get; private set; }
    public bool HasPosture => pcList.HasPosture;
    public bool CanEnroll { get; private set; }
    public string? UserUnit => User.OwnUnit();
    public string? NewCode { get; private set; }

    /// <summary>Open incidents per agent id (count, most severe).</summary>
    public IReadOnlyDictionary<string, (long Open, ATTT.Monitor.Collector.Incidents.IncidentSeverity Top)> OpenByAgent { get; private set; } = new Dictionary<string, (long, ATTT.Monitor.Collector.Incidents.IncidentSeverity)>();

    /// <summary>The page of hosts incidents or stored events name that match no enrolled PC of their unit (by host name).</summary>
    public ListPage<OtherHost> NamedHosts { get; private set; } = ListPage.Of<OtherHost>([], 1, PcList.PageSize);

    public bool ListsEventHosts => pcList.ListsEventHosts;

    /// <summary>Page of the PCs (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Page of the other hosts (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "hp")]
    public int HostsPageNumber { get; set; } = 1;

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

    /// <summary>This list with the filters kept and the given pages.</summary>
    public string LinkTo(int pcsPage, int hostsPage) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/pcs",
        new Dictionary<string, string?> { ["posture"] = PostureFilter, ["status"] = StatusFilter, ["p"] = Number(pcsPage), ["hp"] = Number(hostsPage) }
            .Where(kv => !string.IsNullOrEmpty(kv.Value) && !(kv.Value == "1" && kv.Key is "p" or "hp")));

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (FlashMessage.Take(TempData) is { Key: NewCodeKey, Args: [var code] })
            NewCode = code;
        var all = await pcList.EnrolledAsync(User, cancellationToken);
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
        Pcs = ListPage.Of<PcSummary>([.. shown], PageNumber, PcList.PageSize);
        if (incidentHosts is { } hosts)
            OpenByAgent = await hosts.OpenByAgentAsync(UnitScope.FromUser(User), cancellationToken);
        NamedHosts = ListPage.Of<OtherHost>(await pcList.OthersAsync(User, all, cancellationToken), HostsPageNumber, PcList.PageSize);

        CanEnroll = (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;
    }
}
