using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Reports.Monthly;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Reports;

/// <summary>
/// The monthly security report of a unit, built by <see cref="IMonthlyReports"/> exactly as the
/// scheduled mail is (same numbers), with a print view and a PDF. A commune user sees its own unit;
/// a province user chooses any unit. A unit outside the user's scope is a 404.
/// </summary>
public sealed class MonthlyModel(IMonthlyReports monthly, IOptionsMonitor<NotificationsOptions> options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")] public string? UnitName { get; set; }

    /// <summary>yyyy-MM (the month picker's value); default: last month in Vietnam time.</summary>
    [BindProperty(SupportsGet = true, Name = "month")] public string? Month { get; set; }

    public IReadOnlyList<string> Units { get; private set; } = [];
    public MonthlySecurityReport? Report { get; private set; }
    public bool BadMonth { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPrintAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && Report is { } report
            ? Content(MonthlyReportHtml.Render(report, options.CurrentValue.Reporting.Organisation, PrintStylesModel.ReportHref), "text/html; charset=utf-8")
            : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && Report is { } report
            ? File(monthly.RenderPdf(report), "application/pdf", $"bao-cao-thang-{report.Month}-{FileSafe(report.Unit)}.pdf")
            : NotFound();

    public string Link(string? handler) => QueryHelpers.AddQueryString("/reports/monthly",
        new Dictionary<string, string?> { ["unit"] = UnitName, ["month"] = Month, ["handler"] = handler }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (monthly is null)
            return false;
        var scope = UnitScope.FromUser(User);
        Units = User.OwnUnit() is { } own ? [own] : (await monthly.UnitsAsync(cancellationToken)).Where(scope.Allows).ToList();
        UnitName = string.IsNullOrWhiteSpace(UnitName) ? (Units.Count > 0 ? Units[0] : null) : UnitName.Trim();
        if (UnitName is null)
            return true;
        if (!scope.Allows(UnitName))
            return false;
        var local = time.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
        var lastMonth = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1);
        if (string.IsNullOrWhiteSpace(Month))
            Month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!DateTime.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen) || chosen.Year < 2000 || chosen > lastMonth.AddMonths(1))
        {
            BadMonth = true;
            return true;
        }

        Report = await monthly.BuildAsync(UnitName, chosen.Year, chosen.Month, cancellationToken);
        return true;
    }

    private static string FileSafe(string unit) => string.Concat(unit.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
}
