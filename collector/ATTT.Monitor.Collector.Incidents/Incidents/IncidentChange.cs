using System.Text.Json.Serialization;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// What happened to an incident, as the incident journal records it: the incident as it is after the
/// change, what kind of change it was, who made it (null for detection) and when (<see cref="At"/>).
/// Readers of the journal (notifications, drills, reports) work from <see cref="Incident"/>; there is
/// no second incident record type.
/// </summary>
public sealed record IncidentChange(IncidentChangeKind Kind, Incident Incident, string? Actor, DateTimeOffset At)
{
    /// <summary>When the collector first found the incident: where reporting clocks start (never the events' own time, <see cref="Incident.FirstSeen"/>).</summary>
    [JsonIgnore]
    public DateTimeOffset DetectedAt => Incident.CreatedAt;

    /// <summary>The changed incident's id (what most readers key on).</summary>
    [JsonIgnore]
    public long IncidentId => Incident.Id;

    /// <summary>What the change says in words: for <see cref="IncidentChangeKind.PersonalDataBreachKnown"/>, which personal data the breach concerns.</summary>
    public string? Note { get; init; }
}
