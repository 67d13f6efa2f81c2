namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>
/// Which incidents a bulk change applies to: the listed ids, or every incident matching
/// <see cref="Filter"/> (the list page's filter, read again on the server) up to
/// <see cref="IncidentBulkService.MaxIncidents"/>. Either way only the caller's units are reached.
/// </summary>
public sealed record BulkSelection(IReadOnlyList<long>? Ids, IncidentQuery? Filter)
{
    public static BulkSelection Of(IEnumerable<long> ids) => new([.. ids], null);

    public static BulkSelection Matching(IncidentQuery filter) => new(null, filter);
}
