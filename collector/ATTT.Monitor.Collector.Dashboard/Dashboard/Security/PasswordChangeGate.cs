using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authentication;

namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// A user who signed in with a one-time password can do nothing but choose their own: every page
/// redirects to the password page (the sign-out form and assets stay reachable), and every /api
/// route answers 403 with a JSON reason, so nothing is read, changed or audited in their name. The
/// password change is a page, so no /api route is needed for it.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string PasswordPath = "/account/password";
    public const string Reason = "password_change_required";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/assets", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(PasswordPath, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/signout", StringComparison.OrdinalIgnoreCase)
            || (await context.AuthenticateAsync(DashboardPolicies.Scheme)).Principal is not { } user
            || !user.HasClaim(c => c.Type == DashboardClaims.MustChangePassword))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new
            {
                error = "Hãy đổi mật khẩu dùng một lần tại " + PasswordPath + " trước / change your one-time password at " + PasswordPath + " first.",
                reason = Reason,
            }, context.RequestAborted);
            return;
        }

        context.Response.Redirect(PasswordPath);
    }
}
