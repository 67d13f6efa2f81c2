using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// One incident with what the dashboard's detail page shows: the matched events kept (the first and
/// the last ones, see <see cref="IncidentsOptions.KeepFirstEvents"/>), the events themselves as far
/// as the store still has them, comments, the audit trail (<see cref="Timeline"/>) oldest first, and
/// the detections' timeline (<see cref="Detections"/>).
/// </summary>
public sealed record IncidentDetail(
    Incident Incident,
    IReadOnlyList<long> MatchedEventIds,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<IncidentComment> Comments,
    IReadOnlyList<AuditRecord> Timeline,
    IReadOnlyList<IncidentState> AllowedStates)
{
    /// <summary>The story's detections in time order (the first and last ones kept, as matched events are).</summary>
    public IReadOnlyList<TimelineEntry> Detections { get; init; } = [];

    /// <summary>Set when the incident was found to be a personal-data breach.</summary>
    public PersonalDataBreach? PersonalDataBreach { get; init; }
}
