using System.Security.Claims;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Pcs;

/// <summary>Enrolled PCs of the user's units, and enrollment codes for new ones.</summary>
public sealed class IndexModel(NeighbourServices services, IAuthorizationService authorization, DashboardAudit audit, DashboardText text, TimeProvider time) : PageModel
{
    public IReadOnlyList<AgentInfo>? Agents { get; private set; }
    public bool CanEnroll { get; private set; }
    public string? UserUnit => User.OwnUnit();
    public string? NewCode { get; private set; }

    public string StatusText(AgentInfo agent) => agent.LastSeenAt switch
    {
        null => text["Overview.NeverSeen"],
        { } seen when time.GetUtcNow() - seen > Pages.IndexModel.SilentAfter => text["Overview.Silent"],
        _ => text["Overview.Online"],
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnrollAsync(string? unit, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        if (services.Get<IAgentRegistry>() is not { } registry)
            return NotFound();
        // A commune user enrolls PCs of their own commune only, whatever the form says.
        var target = UserUnit ?? unit?.Trim();
        if (string.IsNullOrEmpty(target))
            return BadRequest();
        NewCode = await registry.CreateEnrollmentCodeAsync(target, TimeSpan.FromHours(24), cancellationToken);
        await audit.WriteAsync(User, "agents", "enrollment_code_created", "unit:" + target, null, cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (services.Get<IAgentRegistry>() is not { } registry)
            return;
        Agents = (await registry.ListAsync(User.VisibleUnits(), cancellationToken))
            .Where(a => !a.IsDrill)
            .OrderBy(a => a.Unit, StringComparer.Ordinal).ThenBy(a => a.Host, StringComparer.OrdinalIgnoreCase)
            .ToList();
        CanEnroll = (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;
    }
}
