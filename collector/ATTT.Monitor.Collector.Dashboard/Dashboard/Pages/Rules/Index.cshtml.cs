using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Suppression;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Rules;

/// <summary>
/// The detection rules in service, their hit counts since start, the rules that failed to load, and
/// the rules disabled or filtered in the units the user sees.
/// </summary>
public sealed class IndexModel(RuleCatalog ruleCatalog, DetectionStatistics detectionStatistics, SuppressionStore store, DetectionSuppressions suppressions) : PageModel
{
    public RuleCatalogStatus? Status { get; private set; }
    public IReadOnlyDictionary<string, long> Hits { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<RuleDisablement> Disablements { get; private set; } = [];
    public IReadOnlyList<RuleFilter> Filters { get; private set; } = [];
    public IReadOnlyDictionary<long, long> FilterHits => suppressions.FilterHits;
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
        if (ruleCatalog is not { } catalog)
            return;
        Status = catalog.Status;
        Hits = detectionStatistics?.HitsByRule ?? new Dictionary<string, long>();
        Titles = Status.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        var scope = UnitScope.FromUser(User);
        var snapshot = store.Current;
        Disablements = snapshot.Disablements.Where(d => d.Unit == SuppressionUnits.All || scope.Allows(d.Unit)).ToList();
        Filters = snapshot.Filters.Where(f => f.Unit == SuppressionUnits.All || scope.Allows(f.Unit)).ToList();
    }

    public static string RuleLink(string ruleId) => "/rules/rule?id=" + Uri.EscapeDataString(ruleId);
}
