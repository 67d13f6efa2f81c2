namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// An incident found to be a personal-data breach (Law 91/2025, Decree 356/2025): when it became
/// known (where the 72 h data-protection clock starts), what data it concerns, and who said so.
/// <see cref="Note"/> is what the administrator wrote: encode it wherever it is shown.
/// </summary>
public sealed record PersonalDataBreach(long IncidentId, DateTimeOffset KnownAt, string Note, string MarkedBy);
