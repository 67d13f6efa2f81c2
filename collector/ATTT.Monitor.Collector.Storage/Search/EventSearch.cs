using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Search;

/// <summary>
/// Event search for a caller (the dashboard's page and API, <c>attt events search</c>): the store's
/// search, always cut to the caller's units. Asking for a unit outside them is refused (audited) and
/// never widens the search; an event outside them is not found.
/// </summary>
public sealed class EventSearch(IEventStore store, IAuditLog audit, TimeProvider time)
{
    public const string AuditArea = "events";
    private readonly AccessGuard _guard = new(audit, time);

    public async Task<EventSearchPage> SearchAsync(Caller caller, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var scope = caller.Scope;
        var units = scope.Units;
        if (query.Units is { } asked)
        {
            foreach (var unit in asked)
            {
                var decision = scope.Allows(unit)
                    ? AccessDecision.Allowed
                    : AccessDecision.Refused("Access.OtherUnit", "the unit is outside the caller's units");
                await _guard.DemandAsync(decision, caller, AuditArea, "search", unit, cancellationToken).ConfigureAwait(false);
            }

            units = asked;
        }

        return await store.SearchAsync(query with { Units = units }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One stored event, if it exists and is in the caller's units.</summary>
    public async Task<StoredEvent?> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var found = await store.GetByIdsAsync([id], cancellationToken).ConfigureAwait(false);
        return found.Count == 1 && caller.Scope.Allows(found[0].Unit) ? found[0] : null;
    }
}
