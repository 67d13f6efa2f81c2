using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.EventViews;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Events;

/// <summary>
/// Event search: the filters are the query string (a search is a link that can be shared and
/// reloaded), results newest first in pages of <see cref="PageSize"/>, always within the user's
/// units (<see cref="EventSearch"/>). A filter that cannot be read is a 400 with the form and a
/// sentence naming it; a unit outside the user's is a 403.
/// </summary>
public sealed class IndexModel(EventSearch search, DashboardText text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "host")] public string? Host { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "channel")] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true, Name = "event_id")] public string? EventId { get; set; }
    [BindProperty(SupportsGet = true, Name = "field")] public string[] Field { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "text")] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "before")] public string? Before { get; set; }

    public EventSearchPage? Results { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var query = EventSearchFilters.Parse(new EventSearchRequest
            {
                Host = Host, Unit = Unit, From = From, To = To, Channel = Channel, EventId = EventId, Fields = Field, Text = Text, Before = Before,
            }, EventLinks.VietnamOffset, PageSize);
            Results = await search.SearchAsync(Caller.FromUser(User), query, cancellationToken);
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

    /// <summary>This search continued before <paramref name="before"/> (null: from the newest).</summary>
    public string Link(EventCursor? before)
    {
        var parameters = new List<(string, string?)> { ("host", Host), ("unit", Unit), ("from", From), ("to", To), ("channel", Channel), ("event_id", EventId) };
        parameters.AddRange(Field.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => ("field", (string?)f)));
        parameters.Add(("text", Text));
        parameters.Add(("before", before?.ToString()));
        return EventLinks.Query("/events", [.. parameters]);
    }
}
