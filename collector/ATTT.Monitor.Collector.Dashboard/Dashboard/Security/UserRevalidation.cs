using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Checks the cookie against the stored account on every request, so disabling a user or changing
/// their role or unit takes effect at once instead of when the cookie expires.
/// </summary>
internal static class UserRevalidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.UserId();
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = id is null ? null : await users.FindByIdAsync(id.Value, context.HttpContext.RequestAborted);
        if (user is null || !context.Principal!.Matches(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DashboardPolicies.Scheme);
        }
    }
}
