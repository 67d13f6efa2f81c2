using System.Globalization;
using System.Security.Claims;
using ATTT.Monitor.Collector.Audit;

namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Who asks for an administrative action: the account's name (the audit log's actor), role and unit
/// (null: the province, every unit). The services that change users, enrollment codes, retention,
/// suppressions and drills take one and check it with <see cref="AdministrationPolicy"/>.
/// </summary>
public sealed record Caller(string Name, string Role, string? Unit, long? UserId = null, bool MustChangePassword = false)
{
    /// <summary>The claim a session signed in with a one-time password carries until the password is changed.</summary>
    public const string MustChangePasswordClaim = "attt:must_change_password";

    /// <summary>
    /// The operator at the collector's console (<c>attt serve</c> creating the first administrator,
    /// <c>attt agents enroll-code</c>): whoever can read the data folder already holds every unit's data.
    /// </summary>
    public static Caller System { get; } = new(AuditActors.System, UserRoles.Admin, null);

    public bool IsProvince => Unit is null;

    public UnitScope Scope => Unit is null ? UnitScope.All : UnitScope.Of([Unit]);

    /// <summary>
    /// From a dashboard session's claims. A principal with several unit claims and no all-units claim
    /// is treated as belonging to none (nothing in its scope) rather than to the first.
    /// </summary>
    public static Caller FromUser(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = UserRoles.All.FirstOrDefault(user.IsInRole) ?? "";
        var units = user.FindAll(UnitClaims.Unit).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        string? unit = units.Contains(UnitClaims.AllUnits, StringComparer.Ordinal) ? null : units.Count == 1 ? units[0] : NoUnit;
        long? id = long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new Caller(user.Identity?.Name ?? "(anonymous)", role, unit, id, user.HasClaim(c => c.Type == MustChangePasswordClaim));
    }

    // No unit is ever named this (unit names are trimmed text without control characters).
    private const string NoUnit = "\0";
}
