using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Suppression;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Rules;

/// <summary>
/// The rules in service, searched, filtered and paged, each with its detections per day; the
/// installed pack with its date and counts by status and level; the noisy-rule list and level
/// tuning (changed here by administrators, audited by the store); the rules that failed to load;
/// and the rules disabled or filtered in the units the user sees.
/// </summary>
public sealed class IndexModel(
    RuleCatalog ruleCatalog, DetectionStatistics detectionStatistics, SuppressionStore store, DetectionSuppressions suppressions,
    RuleHits ruleHits, RuleTuningStore tuningStore, IAuthorizationService authorization, TimeProvider time, IncidentGuidance? guidance = null) : PageModel
{
    /// <summary>The tactic filter's names (the option values stay ATT&amp;CK's keys).</summary>
    public IncidentGuidance Guidance => guidance ?? IncidentGuidance.None;

    public const int PageSize = 50;
    public const int HitDays = 14;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? RuleStatus { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tactic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pack { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public RuleCatalogStatus? Status { get; private set; }
    public IReadOnlyDictionary<string, long> Hits { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<RuleDisablement> Disablements { get; private set; } = [];
    public IReadOnlyList<RuleFilter> Filters { get; private set; } = [];
    public IReadOnlyDictionary<long, long> FilterHits => suppressions.FilterHits;
    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<LoadedRule> Matching { get; private set; } = [];
    public IReadOnlyList<LoadedRule> PageRules { get; private set; } = [];
    public IReadOnlyDictionary<string, long[]> Daily { get; private set; } = new Dictionary<string, long[]>();
    public DateOnly LastDay { get; private set; }
    public IReadOnlyList<string> Levels { get; private set; } = [];
    public IReadOnlyList<string> Statuses { get; private set; } = [];
    public IReadOnlyList<string> Tactics { get; private set; } = [];
    public IReadOnlyList<string> Packs { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    public string? MessageKey { get; private set; }
    public bool IsError { get; private set; }
    public int PageCount => Math.Max(1, (Matching.Count + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (done is not null && done.StartsWith("Rules.", StringComparison.Ordinal))
            MessageKey = done;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAddNoisyAsync(string? ruleId, string? reason, CancellationToken cancellationToken) =>
        TuneAsync("Rules.NoisyAdded", caller => tuningStore.AddNoisyAsync(Required(ruleId), reason ?? "", caller, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveNoisyAsync(string? ruleId, CancellationToken cancellationToken) =>
        TuneAsync("Rules.NoisyRemoved", caller => tuningStore.RemoveNoisyAsync(Required(ruleId), caller, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSetLevelAsync(string? ruleId, string? unit, string? level, CancellationToken cancellationToken) =>
        TuneAsync("Rules.LevelSaved", caller => tuningStore.SetLevelAsync(Required(ruleId), string.IsNullOrWhiteSpace(unit) ? UnitClaims.AllUnits : unit.Trim(), level, caller, cancellationToken), cancellationToken);

    public string LinkToPage(int page) => QueryHelpers.AddQueryString("/rules", new Dictionary<string, string?>
    {
        ["q"] = Q, ["level"] = Level, ["status"] = RuleStatus, ["tactic"] = Tactic, ["pack"] = Pack, ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public static string RuleLink(string ruleId) => "/rules/rule?id=" + Uri.EscapeDataString(ruleId);

    private async Task<IActionResult> TuneAsync(string successKey, Func<Caller, Task> change, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Admin)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        try
        {
            await change(Caller.FromUser(User));
        }
        catch (AccessRefusedException)
        {
            // Audited as refused by the store.
            return Forbid(DashboardPolicies.Scheme);
        }
        catch (ArgumentException)
        {
            MessageKey = "Rules.BadTuning";
            IsError = true;
            await LoadAsync(cancellationToken);
            return Page();
        }

        // The tuning takes effect at the next load; do it now rather than wait for the file watcher.
        await Task.Run(ruleCatalog.Reload, cancellationToken);
        return RedirectToPage(new { done = successKey });
    }

    private static string Required(string? ruleId) =>
        string.IsNullOrWhiteSpace(ruleId) || ruleId.Length > 200 ? throw new ArgumentException("a rule id is required", nameof(ruleId)) : ruleId.Trim();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IsAdmin = (await authorization.AuthorizeAsync(User, DashboardPolicies.Admin)).Succeeded;
        var status = Status = ruleCatalog.Status;
        Hits = detectionStatistics.HitsByRule;
        Titles = status.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        var scope = UnitScope.FromUser(User);
        var snapshot = store.Current;
        Disablements = snapshot.Disablements.Where(d => d.Unit == SuppressionUnits.All || scope.Allows(d.Unit)).ToList();
        Filters = snapshot.Filters.Where(f => f.Unit == SuppressionUnits.All || scope.Allows(f.Unit)).ToList();

        Levels = status.Rules.Select(r => r.Level).Distinct().OrderByDescending(LevelRank).ToList();
        Statuses = status.Rules.Select(r => r.Status).Distinct().Order(StringComparer.Ordinal).ToList();
        Tactics = status.Rules.SelectMany(RuleListQuery.TacticsOf).Distinct().Order(StringComparer.Ordinal).ToList();
        Packs = status.Rules.Select(r => r.Pack).Distinct().Order(StringComparer.Ordinal).ToList();
        var query = new RuleListQuery(Q?.Trim(), Level, RuleStatus, Tactic, Pack);
        Matching = query.Apply(status.Rules)
            .OrderByDescending(r => Hits.GetValueOrDefault(r.Id)).ThenByDescending(r => LevelRank(r.Level)).ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        PageRules = Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        LastDay = DateOnly.FromDateTime(DashboardClock.ToLocal(time.GetUtcNow()).DateTime);
        Daily = await ruleHits.DailyAsync(PageRules.Select(r => r.Id).ToList(), LastDay, HitDays, scope, cancellationToken);
    }

    public static int LevelRank(string level) => level switch
    {
        "critical" => 4, "high" => 3, "medium" => 2, "low" => 1, _ => 0,
    };
}
