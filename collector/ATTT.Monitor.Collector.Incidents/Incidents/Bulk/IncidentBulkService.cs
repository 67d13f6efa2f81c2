using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Suppression;

namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>
/// Applies one change to many incidents. Each incident goes through <see cref="IIncidentService"/>
/// exactly as a single change from its page does, so each is audited and journaled on its own (and
/// notified, if the change notifies); one that cannot change is reported with its reason and the
/// others still change. The caller's role is checked here (a refusal is audited), and only the
/// caller's units are reached: another unit's incident is "not found", whichever ids are posted.
/// </summary>
public sealed class IncidentBulkService(IIncidentService incidents, IAuditLog audit, TimeProvider time, SuppressionStore? suppressions = null)
{
    /// <summary>The most incidents one request changes; a larger selection is cut here and the outcome says so.</summary>
    public const int MaxIncidents = 1000;

    private const int PageSize = 500;
    private const string DefaultSuppressionReason = "Cảnh báo nhầm (đánh dấu hàng loạt)";
    private readonly AccessGuard _guard = new(audit, time);

    public async Task<BulkOutcome> RunAsync(Caller caller, BulkSelection selection, BulkCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(command);
        await _guard.DemandAsync(AdministrationPolicy.TriageIncidents(caller), caller, IncidentsSchema.Area, "bulk_" + command.Action.ToString().ToLowerInvariant(), null, cancellationToken).ConfigureAwait(false);
        Check(command);
        var (ids, matched) = await SelectAsync(selection, caller.Scope, cancellationToken).ConfigureAwait(false);
        var selected = selection.Filter is null ? ids.Count : matched;
        var capped = ids.Count > MaxIncidents;
        ids = [.. ids.Take(MaxIncidents)];
        var changed = new List<Incident>();
        var failed = new List<BulkFailure>();
        foreach (var id in ids)
        {
            try
            {
                changed.Add(await ApplyAsync(id, command, caller, cancellationToken).ConfigureAwait(false));
            }
            catch (IncidentNotFoundException)
            {
                failed.Add(new BulkFailure(id, BulkFailureKind.NotFound, $"Không có sự cố {id} trong phạm vi đơn vị của bạn / incident {id} does not exist in your units."));
            }
            catch (InvalidIncidentCommandException ex) when (ex.Conflict)
            {
                failed.Add(new BulkFailure(id, BulkFailureKind.NotAllowed, ex.Message));
            }
        }

        var filters = command is { Action: BulkAction.FalsePositive, Suppress: true }
            ? await SuppressAsync(changed, command.Text, caller, failed, cancellationToken).ConfigureAwait(false)
            : [];
        return new BulkOutcome([.. changed.Select(i => i.Id)], failed, selected, capped, [.. filters.Where(f => !f.Reused).Select(f => f.Id)])
        {
            FiltersReused = [.. filters.Where(f => f.Reused).Select(f => f.Id).Distinct()],
        };
    }

    private Task<Incident> ApplyAsync(long id, BulkCommand command, Caller caller, CancellationToken cancellationToken) => command.Action switch
    {
        BulkAction.Assign => incidents.AssignAsync(id, command.Assignee, caller.Name, caller.Scope, cancellationToken),
        BulkAction.ChangeState => incidents.ChangeStateAsync(id, command.State!.Value, command.Text, caller.Name, caller.Scope, cancellationToken),
        BulkAction.FalsePositive => incidents.ChangeStateAsync(id, IncidentState.FalsePositive, command.Text, caller.Name, caller.Scope, cancellationToken),
        BulkAction.Comment => CommentAsync(id, command.Text ?? "", caller, cancellationToken),
        _ => throw new InvalidIncidentCommandException($"Thao tác không được hỗ trợ / unknown bulk action {command.Action}.", "action"),
    };

    private async Task<Incident> CommentAsync(long id, string text, Caller caller, CancellationToken cancellationToken)
    {
        await incidents.CommentAsync(id, text, caller.Name, caller.Scope, cancellationToken).ConfigureAwait(false);
        return (await incidents.GetAsync(id, caller.Scope, cancellationToken).ConfigureAwait(false))?.Incident ?? throw new IncidentNotFoundException(id);
    }

    /// <summary>Input the whole request shares is checked once, before any incident changes.</summary>
    private static void Check(BulkCommand command)
    {
        if (command.Action == BulkAction.ChangeState && command.State is null)
            throw new InvalidIncidentCommandException("Chưa chọn trạng thái mới / the new state is missing.", "state");
        if (command.Action == BulkAction.Comment && string.IsNullOrWhiteSpace(command.Text))
            throw new InvalidIncidentCommandException("Nội dung ghi chú trống / the comment is empty.", "text");
        if (command.Assignee is { Length: > 200 })
            throw new InvalidIncidentCommandException("Tên người được giao quá dài (tối đa 200 ký tự) / assignee is longer than 200 characters.", "assignee");
    }

    private async Task<(List<long> Ids, long Matched)> SelectAsync(BulkSelection selection, UnitScope scope, CancellationToken cancellationToken)
    {
        if (selection.Filter is not { } filter)
            return ([.. (selection.Ids ?? []).Distinct()], 0);
        var ids = new List<long>();
        long total = 0;
        // One more than the cap, so that a cut selection is told apart from one that fits exactly.
        for (var offset = 0; ids.Count <= MaxIncidents; offset += PageSize)
        {
            var page = await incidents.QueryAsync(filter with { Offset = offset, Limit = PageSize }, scope, cancellationToken).ConfigureAwait(false);
            total = page.Total;
            ids.AddRange(page.Items.Select(i => i.Id));
            if (page.Items.Count < PageSize)
                break;
        }

        return (ids, total);
    }

    /// <summary>
    /// One false-positive filter per rule and PC among the incidents marked, through the suppression
    /// service (which checks and audits it, and reuses a filter that is already the same).
    /// </summary>
    private async Task<List<FilterAddition>> SuppressAsync(List<Incident> marked, string? note, Caller caller, List<BulkFailure> failed, CancellationToken cancellationToken)
    {
        var added = new List<FilterAddition>();
        var reason = string.IsNullOrWhiteSpace(note) ? DefaultSuppressionReason : note.Trim();
        foreach (var group in marked.Where(i => i.RuleId is not null).GroupBy(i => (Rule: i.RuleId!, i.Unit, i.Host)))
        {
            try
            {
                if (suppressions is null)
                    throw new SuppressionValidationException("Rules.NotAvailable", "the suppression area is not installed on this collector");
                added.Add(await suppressions.AddFilterAsync(group.Key.Rule, group.Key.Unit,
                    [new FilterCondition(FilterCondition.HostField, FilterOperators.Exact, group.Key.Host)], reason, caller, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is SuppressionValidationException or AccessRefusedException)
            {
                failed.AddRange(group.Select(i => new BulkFailure(i.Id, BulkFailureKind.SuppressionFailed,
                    $"Đã đánh dấu cảnh báo nhầm nhưng chưa thêm được bộ lọc / marked, but the filter was not added: {ex.Message}")));
            }
        }

        foreach (var incident in marked.Where(i => i.RuleId is null))
            failed.Add(new BulkFailure(incident.Id, BulkFailureKind.SuppressionFailed, "Sự cố không đến từ quy tắc nên không có bộ lọc / the incident has no rule to filter."));
        return added;
    }
}
