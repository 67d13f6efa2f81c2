using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Pcs;

/// <summary>
/// A PC as incidents name it (<c>/pcs/host?unit=..&amp;name=..</c>): an enrolled PC of that unit and
/// host name goes to its own page; a host no agent is enrolled for (a scanned file, a PC named in
/// another PC's events) shows its incidents, paged, or, when no incident names it but stored events
/// do, says so and links to its events. A unit the user may not see is a 404.
/// </summary>
public sealed class HostModel(IIncidentService incidentService, PcDirectory directory, PcList pcList) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "unit")] public string? UnitName { get; set; }
    [BindProperty(SupportsGet = true, Name = "name")] public string? HostName { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IncidentPage? Incidents { get; private set; }

    /// <summary>No incident names the host; stored events do.</summary>
    public bool EventsOnly { get; private set; }

    public string EventsLink => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/events",
        new Dictionary<string, string?> { ["unit"] = UnitName, ["host"] = HostName });

    /// <summary>The enrolled agents that reported this host's incidents (their own host names differ).</summary>
    public IReadOnlyList<PcSummary> ReportedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = UnitScope.FromUser(User);
        if (string.IsNullOrWhiteSpace(UnitName) || string.IsNullOrWhiteSpace(HostName) || !scope.Allows(UnitName))
            return NotFound();
        PageNumber = Math.Max(1, PageNumber);
        var pcs = await directory.ListAsync(User, cancellationToken) ?? [];
        var enrolled = pcs.FirstOrDefault(p => p.Agent.Unit == UnitName && string.Equals(p.Agent.Host, HostName, StringComparison.OrdinalIgnoreCase));
        if (enrolled is not null)
            return Redirect(PcLinks.Agent(enrolled.Agent.AgentId));
        if (incidentService is not { } incidents)
            return Page();
        var query = new IncidentQuery { Unit = UnitName, Host = HostName, Offset = (PageNumber - 1) * PageSize, Limit = PageSize };
        Incidents = await incidents.QueryAsync(query, scope, cancellationToken);
        if (Incidents.Total == 0)
        {
            EventsOnly = await pcList.SeenInEventsAsync(User, UnitName, HostName, cancellationToken);
            return EventsOnly ? Page() : NotFound();
        }

        var agents = Incidents.Items.Select(i => i.AgentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        ReportedBy = pcs.Where(p => agents.Contains(p.Agent.AgentId)).ToList();
        return Page();
    }

    public string LinkToPage(int page) => PcLinks.Host(UnitName!, HostName!) + "&p=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
