using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages;

/// <summary>
/// The page shown for error statuses. Re-executed with the failed request's method, so a refused
/// POST (bad antiforgery token) still gets its explanation; it changes nothing, hence no token check.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
