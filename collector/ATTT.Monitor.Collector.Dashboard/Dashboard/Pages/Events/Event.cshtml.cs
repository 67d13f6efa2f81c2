using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Events;

/// <summary>One stored event with every field. An event of a unit the user may not see is a 404, like an absent one.</summary>
public sealed class EventModel(EventSearch search) : PageModel
{
    public StoredEvent Stored { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await search.GetAsync(Caller.FromUser(User), id, cancellationToken) is not { } stored)
            return NotFound();
        Stored = stored;
        return Page();
    }
}
