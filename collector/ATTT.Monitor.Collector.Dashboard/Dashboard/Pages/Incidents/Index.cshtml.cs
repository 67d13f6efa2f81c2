using System.Globalization;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Incidents;

/// <summary>The incident work list: filters in the query string (bookmarkable), newest activity first.</summary>
public sealed class IndexModel(IIncidentService incidentService) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Host { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IncidentPage? Results { get; private set; }

    /// <summary>Why a date filter was refused (the page answers 400 with it).</summary>
    public string? DateError { get; private set; }
    public bool IsProvince => User.OwnUnit() is null;

    public async Task<IActionResult> OnGetAsync([FromServices] DashboardText texts, CancellationToken cancellationToken)
    {
        if (!DayText.TryParse(From, out var from) || !DayText.TryParse(To, out var to))
        {
            var (label, value) = DayText.TryParse(From, out _) ? (texts["Incidents.To"], To) : (texts["Incidents.From"], From);
            DateError = texts.Format("Incidents.BadDate", label, value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (incidentService is not { } incidents)
            return Page();
        PageNumber = Math.Max(1, PageNumber);
        IReadOnlyCollection<IncidentState>? states = State switch
        {
            null or "" => [IncidentState.New, IncidentState.InProgress],
            "all" => null,
            _ => IncidentText.TryParseState(State, out var s) ? [s] : null,
        };
        var query = new IncidentQuery
        {
            Text = Blank(Q),
            States = states,
            Severities = IncidentText.TryParseSeverity(Severity, out var severity) ? [severity] : null,
            Unit = IsProvince ? Blank(Unit) : null,
            Host = Blank(Host),
            RuleId = Blank(Rule),
            From = DayText.StartInVietnam(from),
            To = DayText.StartInVietnam(to)?.AddDays(1),
            Offset = (PageNumber - 1) * PageSize,
            Limit = PageSize,
        };
        Results = await incidents.QueryAsync(query, UnitScope.FromUser(User), cancellationToken);
        return Page();
    }

    public string LinkToPage(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["state"] = State, ["severity"] = Severity, ["unit"] = Unit, ["host"] = Host,
            ["rule"] = Rule, ["from"] = From, ["to"] = To, ["p"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/incidents", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
