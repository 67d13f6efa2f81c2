using ATTT.Monitor.Collector.Dashboard.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages;

/// <summary>The language switch: remembers the choice in a cookie and goes back to the page.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? to, string? returnUrl)
    {
        var language = to == DashboardLanguage.English ? DashboardLanguage.English : DashboardLanguage.Vietnamese;
        Response.Cookies.Append(DashboardLanguage.CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
