namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>
/// What a bulk change did: the incidents changed, those that failed and why, how many matched the
/// filter in all (<see cref="Matched"/>) and whether the selection was cut at
/// <see cref="IncidentBulkService.MaxIncidents"/>, the false-positive filters added, and those that
/// already existed and were reused instead (<see cref="FiltersReused"/>).
/// </summary>
public sealed record BulkOutcome(IReadOnlyList<long> Changed, IReadOnlyList<BulkFailure> Failed, long Matched, bool Capped, IReadOnlyList<long> FiltersAdded)
{
    public IReadOnlyList<long> FiltersReused { get; init; } = [];
}
