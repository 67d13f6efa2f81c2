namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>
/// What a bulk change did: the incidents changed, those that failed and why, how many matched the
/// filter in all (<see cref="Matched"/>) and whether the selection was cut at
/// <see cref="IncidentBulkService.MaxIncidents"/>, and the false-positive filters added.
/// </summary>
public sealed record BulkOutcome(IReadOnlyList<long> Changed, IReadOnlyList<BulkFailure> Failed, long Matched, bool Capped, IReadOnlyList<long> FiltersAdded);
