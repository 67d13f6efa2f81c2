using System.Security.Claims;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Claims of a signed-in dashboard user. The unit claim is the incidents area's
/// <see cref="UnitClaims.Unit"/>: the commune's name for a commune user, <see cref="UnitClaims.AllUnits"/>
/// for a province user, so <see cref="UnitScope.FromUser"/> applies the same scope everywhere.
/// </summary>
internal static class DashboardClaims
{
    public const string Unit = UnitClaims.Unit;
    public const string DisplayName = "attt:display_name";
    public const string MustChangePassword = Caller.MustChangePasswordClaim;

    public static ClaimsPrincipal Create(DashboardUser user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role),
            new(DisplayName, user.DisplayName),
        };
        claims.Add(new Claim(Unit, user.Unit ?? UnitClaims.AllUnits));
        if (user.MustChangePassword)
            claims.Add(new Claim(MustChangePassword, "1"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The units the user may see: null for the province (all), else their one unit.</summary>
    public static IReadOnlyCollection<string>? VisibleUnits(this ClaimsPrincipal user) => UnitScope.FromUser(user).Units;

    /// <summary>The user's own unit, or null for a province user.</summary>
    public static string? OwnUnit(this ClaimsPrincipal user) =>
        user.FindFirstValue(Unit) is { } unit && unit != UnitClaims.AllUnits ? unit : null;

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>True when the principal still matches the stored account (role, unit, not disabled).</summary>
    public static bool Matches(this ClaimsPrincipal principal, DashboardUser user) =>
        !user.Disabled
        && principal.IsInRole(user.Role)
        && string.Equals(principal.OwnUnit(), user.Unit, StringComparison.Ordinal)
        && (principal.FindFirstValue(MustChangePassword) is not null) == user.MustChangePassword;
}
