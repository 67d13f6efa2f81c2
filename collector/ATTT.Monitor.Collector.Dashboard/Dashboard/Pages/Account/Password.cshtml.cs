using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.Collector.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Account;

public sealed class PasswordModel(UserStore users, PasswordPolicy policy, DashboardAudit audit) : PageModel
{
    public bool MustChange => User.HasClaim(c => c.Type == DashboardClaims.MustChangePassword);

    public string? ErrorKey { get; private set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? current, string? @new, string? confirm, CancellationToken cancellationToken)
    {
        var id = User.UserId();
        var user = id is null ? null : await users.FindByIdAsync(id.Value, cancellationToken);
        if (user is null)
            return Challenge(DashboardPolicies.Scheme);
        if (users.Verify(user, current ?? "") == PasswordVerificationResult.Failed)
        {
            ErrorKey = "Password.CurrentWrong";
            return Page();
        }

        ErrorKey = @new != confirm ? "Password.Mismatch" : policy.Check(@new, user.UserName);
        if (ErrorKey is not null)
            return Page();

        await users.ChangeOwnPasswordAsync(Caller.FromUser(User), user, @new!, cancellationToken);
        await audit.WriteAsync(User, "users", "password_changed", "user:" + user.UserName, null, cancellationToken);
        var updated = await users.FindByIdAsync(user.Id, cancellationToken);
        await HttpContext.SignInAsync(DashboardPolicies.Scheme, DashboardClaims.Create(updated!, DashboardPolicies.Scheme));
        if (MustChange)
            return LocalRedirect("/");
        // Post/redirect/get: a reload does not post the passwords again.
        return RedirectToPage(new { saved = true });
    }
}
