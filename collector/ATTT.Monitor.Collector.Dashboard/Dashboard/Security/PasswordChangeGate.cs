using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authentication;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// A user who signed in with a one-time password sees nothing but the password page until they
/// chose their own (the sign-out form and assets stay reachable).
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string PasswordPath = "/account/password";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && (await context.AuthenticateAsync(DashboardPolicies.Scheme)).Principal is { } user
            && user.HasClaim(c => c.Type == DashboardClaims.MustChangePassword)
            && !path.StartsWithSegments(PasswordPath, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/signout", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(PasswordPath);
            return;
        }

        await next(context);
    }
}
