using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;

namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>
/// Enrollment codes asked for by a dashboard user: checked against
/// <see cref="AdministrationPolicy.CreateEnrollmentCode"/> (a commune user enrolls PCs of its own unit
/// only), created by the registry and audited. The console command (<c>attt agents enroll-code</c>)
/// goes to the registry directly: its operator holds the data folder.
/// </summary>
public sealed class EnrollmentCodes(IAgentRegistry registry, IAuditLog audit, TimeProvider time)
{
    public const string AuditArea = "agents";
    private readonly AccessGuard _guard = new(audit, time);

    public async Task<string> CreateAsync(Caller caller, string unit, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        await _guard.DemandAsync(AdministrationPolicy.CreateEnrollmentCode(caller, unit), caller, AuditArea, "enrollment_code_create", "unit:" + unit, cancellationToken).ConfigureAwait(false);
        var code = await registry.CreateEnrollmentCodeAsync(unit, ttl, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(new AuditEntry(AuditArea, "enrollment_code_created", caller.Name, "unit:" + unit, null, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return code;
    }
}
