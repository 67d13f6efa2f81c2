using ATTT.Monitor.Collector.Detection;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Rules;

/// <summary>The detection rules in service, their hit counts since start, and the rules that failed to load.</summary>
public sealed class IndexModel(NeighbourServices services) : PageModel
{
    public RuleCatalogStatus? Status { get; private set; }
    public IReadOnlyDictionary<string, long> Hits { get; private set; } = new Dictionary<string, long>();

    public void OnGet()
    {
        if (services.Get<RuleCatalog>() is not { } catalog)
            return;
        Status = catalog.Status;
        Hits = services.Get<DetectionStatistics>()?.HitsByRule ?? new Dictionary<string, long>();
    }
}
