using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Authorization policies. "Dashboard": any signed-in user; the others name what may be changed.
/// Every policy authenticates with the dashboard cookie explicitly, so other areas may set their
/// own schemes (agent tokens) without changing who the dashboard sees.
/// </summary>
public static class DashboardPolicies
{
    public const string Scheme = "Dashboard";
    public const string Dashboard = "Dashboard";

    /// <summary>Change incidents: triage, assign, comment, resolve (admin, officer).</summary>
    public const string Triage = "Dashboard.Triage";

    /// <summary>Schedule and run drills, sign off steps (admin, coordinator).</summary>
    public const string Drills = "Dashboard.Drills";

    /// <summary>Users, contacts, routing, retention, enrollment codes (admin).</summary>
    public const string Admin = "Dashboard.Admin";

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Dashboard, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
        .AddPolicy(Triage, p => p.AddAuthenticationSchemes(Scheme).RequireRole(UserRoles.Admin, UserRoles.Officer))
        .AddPolicy(Drills, p => p.AddAuthenticationSchemes(Scheme).RequireRole(UserRoles.Admin, UserRoles.Coordinator))
        .AddPolicy(Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(UserRoles.Admin));
}
