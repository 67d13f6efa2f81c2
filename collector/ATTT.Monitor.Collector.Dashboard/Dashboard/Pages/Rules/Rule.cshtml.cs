using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Rules;

/// <summary>
/// One rule: where it is disabled, its false-positive filters with who made them, when, why and how
/// many matches they dropped, and the forms to change them. Viewers and coordinators only read;
/// officers and administrators change their own unit, province users any unit or all units. The
/// store audits every change. Opened from an incident, the filter form is prefilled from its event.
/// </summary>
public sealed class RuleModel(RuleCatalog ruleCatalog, DetectionStatistics detectionStatistics, IIncidentService incidentService, SuppressionStore store, DetectionSuppressions suppressions, SigmaFieldResolver fields, IAuthorizationService authorization) : PageModel
{
    public const int ConditionRows = 3;

    public LoadedRule? Rule { get; private set; }
    public long Hits { get; private set; }
    public long DisabledHits { get; private set; }
    public IReadOnlyList<RuleDisablement> Disablements { get; private set; } = [];
    public IReadOnlyList<RuleFilter> Filters { get; private set; } = [];
    public IReadOnlyDictionary<long, long> FilterHits => suppressions.FilterHits;
    public bool CanChange { get; private set; }
    public string? OwnUnit => User.OwnUnit();
    public long? FromIncident { get; private set; }
    public IReadOnlyList<FilterCondition> Proposed { get; private set; } = [];
    public string? MessageKey { get; private set; }
    public bool IsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, long? incident, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (done is not null && done.StartsWith("Rules.", StringComparison.Ordinal))
            MessageKey = done;
        if (incident is { } incidentId)
            await ProposeFromIncidentAsync(incidentId, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string? id, string? unit, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, unit, "Rules.Disabled", (u, caller) => store.DisableAsync(id!, u, reason ?? "", caller, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string? id, string? unit, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, unit, "Rules.Enabled", (u, caller) => store.EnableAsync(id!, u, reason ?? "", caller, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAddFilterAsync(string? id, string? unit, string[]? field, string[]? op, string[]? value, string? reason, CancellationToken cancellationToken)
    {
        var conditions = new List<FilterCondition>();
        for (var i = 0; i < (field?.Length ?? 0); i++)
        {
            var name = field![i];
            var text = value is not null && i < value.Length ? value[i] : null;
            // A row left empty is not a condition; a row half filled is, and the store says what is missing.
            if (string.IsNullOrWhiteSpace(name) && string.IsNullOrEmpty(text))
                continue;
            conditions.Add(new FilterCondition(name ?? "", op is not null && i < op.Length ? op[i] : "", text ?? ""));
        }

        return ChangeAsync(id, unit, async (u, caller) =>
            (await store.AddFilterAsync(id!, u, conditions, reason ?? "", caller, cancellationToken)).Reused ? "Rules.FilterReused" : "Rules.FilterAdded", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFilterAsync(string? id, long filter, string? reason, CancellationToken cancellationToken)
    {
        var existing = store.Current.Filters.FirstOrDefault(f => f.Id == filter && f.RuleId == id);
        if (existing is null)
            return NotFound();
        return await ChangeAsync(id, existing.Unit, "Rules.FilterRemoved", async (_, caller) =>
        {
            if (!await store.RemoveFilterAsync(filter, reason ?? "", caller, cancellationToken))
                throw new SuppressionValidationException("Rules.FilterGone", "the filter was already removed");
        }, cancellationToken);
    }

    /// <summary>
    /// Checks the role and the unit, runs the change, and redirects (post/redirect/get). An empty unit
    /// means the user's own unit, or every unit for a province user.
    /// </summary>
    private Task<IActionResult> ChangeAsync(string? id, string? unit, string successKey, Func<string, Caller, Task> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, unit, async (u, caller) =>
        {
            await change(u, caller);
            return successKey;
        }, cancellationToken);

    /// <summary>As above, with the change saying which message the page shows after it.</summary>
    private async Task<IActionResult> ChangeAsync(string? id, string? unit, Func<string, Caller, Task<string>> change, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var target = string.IsNullOrWhiteSpace(unit) ? OwnUnit ?? SuppressionUnits.All : unit.Trim();
        if (!MayChange(target))
            return Forbid(DashboardPolicies.Scheme);
        string successKey;
        try
        {
            successKey = await change(target, Caller.FromUser(User));
        }
        catch (AccessRefusedException)
        {
            // Audited as refused by the store.
            return Forbid(DashboardPolicies.Scheme);
        }
        catch (SuppressionValidationException e)
        {
            MessageKey = e.TextKey;
            IsError = true;
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return RedirectToPage(new { id, done = successKey });
    }

    /// <summary>A commune user changes only their own unit; "all units" and other units need province scope.</summary>
    public bool MayChange(string unit) => CanChange && AdministrationPolicy.ChangeSuppression(Caller.FromUser(User), unit).IsAllowed;

    private async Task<bool> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || ruleCatalog is not { } catalog)
            return false;
        Rule = catalog.Status.Rules.FirstOrDefault(r => r.Id == id);
        if (Rule is null)
            return false;
        Hits = detectionStatistics?.HitsByRule.GetValueOrDefault(id) ?? 0;
        DisabledHits = suppressions.DisabledHits.GetValueOrDefault(id);
        var scope = UnitScope.FromUser(User);
        var snapshot = store.Current;
        // A commune user sees what applies to their unit: its own settings and the province-wide ones.
        Disablements = snapshot.Disablements.Where(d => d.RuleId == id && (d.Unit == SuppressionUnits.All || scope.Allows(d.Unit))).ToList();
        Filters = snapshot.Filters.Where(f => f.RuleId == id && (f.Unit == SuppressionUnits.All || scope.Allows(f.Unit))).ToList();
        CanChange = (await authorization.AuthorizeAsync(User, DashboardPolicies.Triage)).Succeeded;
        return true;
    }

    private async Task ProposeFromIncidentAsync(long incidentId, CancellationToken cancellationToken)
    {
        if (incidentService is not { } incidents)
            return;
        var detail = await incidents.GetAsync(incidentId, UnitScope.FromUser(User), cancellationToken);
        if (detail is null || detail.Incident.RuleId != Rule?.Id)
            return;
        FromIncident = incidentId;
        var proposed = new List<FilterCondition> { new(FilterCondition.HostField, FilterOperators.Exact, detail.Incident.Host) };
        var matched = detail.Events.FirstOrDefault(e => detail.MatchedEventIds.Contains(e.Id)) ?? (detail.Events.Count > 0 ? detail.Events[0] : null);
        foreach (var name in SuggestedFields)
        {
            if (proposed.Count >= ConditionRows || matched is null)
                break;
            if (fields.TryGetField(matched, name, out var value) && !string.IsNullOrEmpty(value) && value.Length <= 1024)
                proposed.Add(new FilterCondition(name, FilterOperators.Exact, value));
        }

        Proposed = proposed;
    }

    // The fields that usually tell a legitimate program or account from an attack, most telling first.
    private static readonly string[] SuggestedFields = ["Image", "TargetUserName", "User", "ParentImage", "ServiceName", "TargetFilename"];
}
