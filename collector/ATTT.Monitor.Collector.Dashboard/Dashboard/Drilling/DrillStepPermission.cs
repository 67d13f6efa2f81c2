using System.Security.Claims;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Drilling;

/// <summary>
/// Who may sign off a step of a drill run: the drill coordinator (and the admin) any step; any
/// other dashboard user only the steps of the playbook role they play in the drill, that is when
/// the drill's participants list them with that role (by account name = participant e-mail, or by
/// display name = participant name). Viewers only read.
/// </summary>
internal static class DrillStepPermission
{
    public static bool CanCoordinate(ClaimsPrincipal user) => user.IsInRole(UserRoles.Admin) || user.IsInRole(UserRoles.Coordinator);

    public static bool CanSignOff(ClaimsPrincipal user, Playbook playbook, PlaybookStep step)
    {
        if (CanCoordinate(user))
            return true;
        if (user.IsInRole(UserRoles.Viewer) || playbook.Drill is not { } drill)
            return false;
        var name = user.Identity?.Name;
        var display = user.FindFirstValue(DashboardClaims.DisplayName);
        return drill.Participants.Any(p => p.Role == step.Role
            && ((name is not null && string.Equals(p.Email, name, StringComparison.OrdinalIgnoreCase))
                || (display is not null && string.Equals(p.Name, display, StringComparison.Ordinal))));
    }
}
