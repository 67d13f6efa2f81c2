using ATTT.Monitor.Collector.Audit;

namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Called at the top of each administrative service method: lets an allowed action through; writes a
/// refused one to the audit log (action <see cref="RefusedAction"/>, details naming the attempted
/// action and the reason) and throws <see cref="AccessRefusedException"/>, so a refusal is never
/// recorded as the action itself.
/// </summary>
public sealed class AccessGuard(IAuditLog audit, TimeProvider time)
{
    public const string RefusedAction = "refused";

    public async Task DemandAsync(AccessDecision decision, Caller caller, string area, string action, string? target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (decision.IsAllowed)
            return;
        await audit.WriteAsync(new AuditEntry(area, RefusedAction, caller.Name, target, $"{action}: {decision.Reason}", time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        throw new AccessRefusedException(decision);
    }
}
