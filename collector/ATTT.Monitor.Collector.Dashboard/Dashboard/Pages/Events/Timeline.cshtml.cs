using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.EventViews;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Events;

/// <summary>
/// A PC's events in a window around a moment: around an incident (<c>?incident=ID</c>: its PC, unit
/// and first detection, its matched events marked) or a PC's page (<c>?host=&amp;unit=&amp;at=</c>).
/// ±<see cref="DefaultWindowMinutes"/> minutes unless <c>window</c> says otherwise; links move the
/// window earlier or later by its width. Scope as the search's: a unit outside the user's is a 403,
/// an incident outside it a 404.
/// </summary>
public sealed class TimelineModel(EventSearch search, IIncidentService incidents, DashboardText text, TimeProvider time) : PageModel
{
    public const int DefaultWindowMinutes = 15;
    public const int MaxWindowMinutes = 24 * 60;
    public const int MaxEvents = 500;

    [BindProperty(SupportsGet = true, Name = "incident")] public long? IncidentId { get; set; }
    [BindProperty(SupportsGet = true, Name = "host")] public string? Host { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "at")] public string? At { get; set; }
    [BindProperty(SupportsGet = true, Name = "window")] public string? Window { get; set; }

    public Incident? Incident { get; private set; }
    public IReadOnlySet<long> Detections { get; private set; } = new HashSet<long>();
    public DateTimeOffset Center { get; private set; }
    public int WindowMinutes { get; private set; } = DefaultWindowMinutes;
    public EventSearchPage? Results { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = Caller.FromUser(User);
        var drill = false;
        DateTimeOffset? center = null;
        if (IncidentId is { } id)
        {
            var detail = await incidents.GetAsync(id, caller.Scope, cancellationToken);
            if (detail is null)
                return NotFound();
            Incident = detail.Incident;
            Host = Incident.Host;
            Unit = Incident.Unit;
            drill = Incident.IsDrill;
            center = Incident.FirstSeen;
            Detections = detail.MatchedEventIds.ToHashSet();
        }

        if (string.IsNullOrWhiteSpace(Host) || string.IsNullOrWhiteSpace(Unit))
            return NotFound();
        try
        {
            WindowMinutes = ParseWindow(Window);
            Center = EventSearchFilters.Time("at", At, EventLinks.VietnamOffset) ?? center ?? time.GetUtcNow();
            var span = TimeSpan.FromMinutes(WindowMinutes);
            var query = new EventQuery
            {
                Units = [Unit],
                Host = Host,
                From = Center - span,
                To = Center + span,
                Limit = MaxEvents,
                IncludeDrill = drill,
            };
            Results = await search.SearchAsync(caller, query, cancellationToken);
        }
        catch (EventSearchException ex)
        {
            Error = EventSearchMessages.Of(text, ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (AccessRefusedException)
        {
            return Forbid(DashboardPolicies.Scheme);
        }

        return Page();
    }

    /// <summary>The window moved by <paramref name="widths"/> of its width (negative: earlier).</summary>
    public string Moved(int widths)
    {
        var at = EventLinks.LocalTime(Center + TimeSpan.FromMinutes(2 * WindowMinutes * widths));
        var window = WindowMinutes.ToString(CultureInfo.InvariantCulture);
        return IncidentId is { } id
            ? EventLinks.Query("/events/timeline", ("incident", id.ToString(CultureInfo.InvariantCulture)), ("at", at), ("window", window))
            : EventLinks.Query("/events/timeline", ("host", Host), ("unit", Unit), ("at", at), ("window", window));
    }

    private static int ParseWindow(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return DefaultWindowMinutes;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes < 1 || minutes > MaxWindowMinutes)
            throw new EventSearchException("window", EventSearchProblem.NotANumber, $"window \"{text}\" is not a whole number of minutes from 1 to {MaxWindowMinutes}.");
        return minutes;
    }
}
