using System.Globalization;
using ATTT.Monitor.Collector.Dashboard.Bulk;
using ATTT.Monitor.Collector.Dashboard.Exports;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Bulk;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Incidents;

/// <summary>
/// The incident work list: filters in the query string (bookmarkable), paged; the same filter
/// exports as CSV or JSON, and a bulk change applies to the ticked incidents or to every incident
/// the filter matches (<see cref="IncidentBulkService"/>), then redirects back (post-redirect-get).
/// </summary>
public sealed class IndexModel(IIncidentService incidentService, IncidentBulkService bulkService, IAuthorizationService authorization, DashboardText text, TimeProvider time) : PageModel
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

    /// <summary>"page": every incident of this page is ticked (no script needed to select a page).</summary>
    [BindProperty(SupportsGet = true, Name = "select")] public string? Select { get; set; }

    public IncidentPage? Results { get; private set; }

    /// <summary>Why a date filter was refused (the page answers 400 with it).</summary>
    public string? DateError { get; private set; }
    public bool IsProvince => User.OwnUnit() is null;
    public bool CanTriage { get; private set; }
    public BulkNotice? Notice { get; private set; }
    public int MaxBulk => IncidentBulkService.MaxIncidents;
    public bool SelectPage => Select == "page";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (BadDateFilter() is { } problem)
        {
            DateError = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        PageNumber = Math.Max(1, PageNumber);
        Notice = BulkNotice.FromJson(TempData[BulkNotice.TempDataKey] as string);
        CanTriage = (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;
        if (incidentService is not { } incidents)
            return Page();
        Results = await incidents.QueryAsync(BuildQuery() with { Offset = (PageNumber - 1) * PageSize, Limit = PageSize }, UnitScope.FromUser(User), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (BadDateFilter() is { } problem)
            return BadRequest(problem);
        var rows = await IncidentExport.LoadAsync(incidentService, BuildQuery(), UnitScope.FromUser(User), cancellationToken);
        return File(IncidentExport.Csv(rows, text), "text/csv; charset=utf-8", IncidentExport.FileName(time.GetUtcNow(), "csv"));
    }

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken cancellationToken)
    {
        if (BadDateFilter() is { } problem)
            return BadRequest(problem);
        var rows = await IncidentExport.LoadAsync(incidentService, BuildQuery(), UnitScope.FromUser(User), cancellationToken);
        return File(IncidentExport.Json(rows), "application/json; charset=utf-8", IncidentExport.FileName(time.GetUtcNow(), "json"));
    }

    /// <summary>
    /// scope "selected": the ticked <paramref name="ids"/>; "filter": every incident the page's filter
    /// (in the query string) matches. Roles and units are checked again by the service.
    /// </summary>
    public async Task<IActionResult> OnPostBulkAsync(
        string? scope, long[]? ids, string? action, string? assignee, string? newState, string? note, bool suppress, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        if (!BulkActions.TryParse(action, out var bulkAction))
            return Back(BulkNotice.Error(action ?? "", text["Bulk.NoAction"]));
        // "newState", not "state": the list's own state filter travels in the query string of the same request.
        IncidentState? target = null;
        if (bulkAction == BulkAction.ChangeState)
        {
            if (!IncidentText.TryParseState(newState, out var parsed))
                return Back(BulkNotice.Error(bulkAction.ToText(), text["Bulk.NoState"]));
            target = parsed;
        }

        BulkSelection selection;
        if (scope == "filter" && BadDateFilter() is { } problem)
            return Back(BulkNotice.Error(bulkAction.ToText(), problem));
        if (scope == "filter")
            selection = BulkSelection.Matching(BuildQuery());
        else if (ids is { Length: > 0 })
            selection = BulkSelection.Of(ids);
        else
            return Back(BulkNotice.Error(bulkAction.ToText(), text["Bulk.NoneSelected"]));
        try
        {
            var outcome = await bulkService.RunAsync(Caller.FromUser(User), selection, new BulkCommand(bulkAction, assignee, target, note, suppress), cancellationToken);
            return Back(BulkNotice.From(bulkAction, outcome));
        }
        catch (InvalidIncidentCommandException ex)
        {
            return Back(BulkNotice.Error(bulkAction.ToText(), BulkNotice.Half(ex.Message, text.Language == DashboardLanguage.English)));
        }
        catch (AccessRefusedException)
        {
            return Forbid(DashboardPolicies.Scheme);
        }
    }

    public string LinkToPage(int page, string? handler = null, bool selectPage = false)
    {
        var query = FilterValues();
        query["p"] = page.ToString(CultureInfo.InvariantCulture);
        query["handler"] = handler;
        query["select"] = selectPage ? "page" : null;
        return QueryHelpers.AddQueryString("/incidents", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string ExportLink(string handler)
    {
        var query = FilterValues();
        query["handler"] = handler;
        return QueryHelpers.AddQueryString("/incidents", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    private Dictionary<string, string?> FilterValues() => new()
    {
        ["q"] = Q, ["state"] = State, ["severity"] = Severity, ["unit"] = Unit, ["host"] = Host,
        ["rule"] = Rule, ["from"] = From, ["to"] = To,
    };

    private RedirectResult Back(BulkNotice notice)
    {
        TempData[BulkNotice.TempDataKey] = notice.ToJson();
        return Redirect(LinkToPage(Math.Max(1, PageNumber)));
    }

    /// <summary>
    /// Why the date filter cannot be read, naming the field and its value; null when both read. Every
    /// handler that uses the filter asks first, so a bad date never widens a list, an export or a bulk change.
    /// </summary>
    private string? BadDateFilter()
    {
        if (!DayText.TryParse(From, out _))
            return text.Format("Incidents.BadDate", text["Incidents.From"], From);
        if (!DayText.TryParse(To, out _))
            return text.Format("Incidents.BadDate", text["Incidents.To"], To);
        return null;
    }

    /// <summary>The list's filter; callers have checked the dates with <see cref="BadDateFilter"/>.</summary>
    private IncidentQuery BuildQuery()
    {
        _ = DayText.TryParse(From, out var from);
        _ = DayText.TryParse(To, out var to);
        IReadOnlyCollection<IncidentState>? states = State switch
        {
            null or "" => [IncidentState.New, IncidentState.InProgress],
            "all" => null,
            _ => IncidentText.TryParseState(State, out var s) ? [s] : null,
        };
        return new IncidentQuery
        {
            Text = Blank(Q),
            States = states,
            Severities = IncidentText.TryParseSeverity(Severity, out var severity) ? [severity] : null,
            Unit = IsProvince ? Blank(Unit) : null,
            Host = Blank(Host),
            RuleId = Blank(Rule),
            From = DayText.StartInVietnam(from),
            To = DayText.StartInVietnam(to)?.AddDays(1),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
