using System.Security.Claims;
using ATTT.Monitor.Collector.Audit;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Writes a state-changing dashboard action to the product's audit log with the signed-in user as
/// actor and the current time. Incident commands are audited by the incident service itself.
/// </summary>
public sealed class DashboardAudit(IAuditLog log, TimeProvider clock)
{
    public Task WriteAsync(ClaimsPrincipal actor, string area, string action, string target, string? details, CancellationToken cancellationToken) =>
        log.WriteAsync(new AuditEntry(area, action, ActorName(actor), target, details, clock.GetUtcNow()), cancellationToken);

    public static string ActorName(ClaimsPrincipal user) => user.Identity?.Name ?? "(anonymous)";
}
