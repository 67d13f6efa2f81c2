using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Authorization policies. "Dashboard": any signed-in user; the others name what may be changed.
/// Every policy authenticates with the dashboard cookie explicitly, so other areas may set their
/// own schemes (agent tokens) without changing who the dashboard sees.
/// </summary>
internal static class DashboardPolicies
{
    public const string Scheme = "Dashboard";
    public const string Dashboard = AccessPolicies.Dashboard;

    /// <summary>
    /// Change incidents: triage, assign, comment, resolve; and create enrollment codes, because the
    /// commune's IT officer is the one who installs the agent on its PCs (own unit only) (admin, officer).
    /// </summary>
    public const string Triage = AccessPolicies.Triage;

    /// <summary>Schedule and run drills, sign off steps (admin, coordinator).</summary>
    public const string Drills = AccessPolicies.Drills;

    /// <summary>Settings (users, retention; contacts and routes read-only), revoking PCs, re-queueing dead letters (admin).</summary>
    public const string Admin = AccessPolicies.Admin;

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Dashboard, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
        .AddPolicy(Triage, p => p.AddAuthenticationSchemes(Scheme).RequireRole(UserRoles.Admin, UserRoles.Officer))
        .AddPolicy(Drills, p => p.AddAuthenticationSchemes(Scheme).RequireRole(UserRoles.Admin, UserRoles.Coordinator))
        .AddPolicy(Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(UserRoles.Admin));
}
