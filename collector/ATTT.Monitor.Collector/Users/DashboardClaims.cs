using System.Security.Claims;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Claims of a signed-in dashboard user. <see cref="Unit"/> is absent for province users, who see
/// every unit; present, it limits every query to that unit.
/// </summary>
public static class DashboardClaims
{
    public const string Unit = "attt:unit";
    public const string DisplayName = "attt:display_name";
    public const string MustChangePassword = "attt:must_change_password";

    public static ClaimsPrincipal Create(DashboardUser user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role),
            new(DisplayName, user.DisplayName),
        };
        if (user.Unit is not null)
            claims.Add(new Claim(Unit, user.Unit));
        if (user.MustChangePassword)
            claims.Add(new Claim(MustChangePassword, "1"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The units the user may see: null for the province (all), else their one unit.</summary>
    public static IReadOnlyCollection<string>? VisibleUnits(this ClaimsPrincipal user)
    {
        var unit = user.FindFirstValue(Unit);
        return unit is null ? null : [unit];
    }

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>True when the principal still matches the stored account (role, unit, not disabled).</summary>
    public static bool Matches(this ClaimsPrincipal principal, DashboardUser user) =>
        !user.Disabled
        && principal.IsInRole(user.Role)
        && string.Equals(principal.FindFirstValue(Unit), user.Unit, StringComparison.Ordinal)
        && (principal.FindFirstValue(MustChangePassword) is not null) == user.MustChangePassword;
}
