using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages;

/// <summary>
/// The print styles of the printable pages (authorities' reports, after-action reports), served as
/// stylesheets: the renderers' pages link them instead of carrying inline style, which the
/// dashboard's Content-Security-Policy forbids.
/// </summary>
public sealed class PrintStylesModel : PageModel
{
    public const string ReportHref = "/print-styles/report";
    public const string DrillHref = "/print-styles/drill";

    public IActionResult OnGet(string name) => name switch
    {
        "report" => Content(ReportHtmlRenderer.Stylesheet, "text/css; charset=utf-8"),
        "drill" => Content(DrillReportHtml.Stylesheet, "text/css; charset=utf-8"),
        _ => NotFound(),
    };
}
