using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages;

public sealed class SignInModel(SignInService signIn, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? ErrorKey { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (outcome, user) = await signIn.SignInAsync(UserName ?? "", Password ?? "", cancellationToken);
        if (outcome != SignInOutcome.Success || user is null)
        {
            // Who tried is worth logging; the password never is.
            if (logger.IsEnabled(LogLevel.Warning))
                logger.LogWarning("Dashboard sign-in refused for {UserName}: {Outcome}", UserName, outcome);
            ErrorKey = outcome switch
            {
                SignInOutcome.LockedOut => "SignIn.Locked",
                SignInOutcome.Disabled => "SignIn.Disabled",
                _ => "SignIn.Wrong",
            };
            Password = null;
            return Page();
        }

        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Dashboard sign-in of {UserName}", user.UserName);
        await HttpContext.SignInAsync(DashboardPolicies.Scheme, DashboardClaims.Create(user, DashboardPolicies.Scheme));
        if (user.MustChangePassword)
            return LocalRedirect(PasswordChangeGate.PasswordPath);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
