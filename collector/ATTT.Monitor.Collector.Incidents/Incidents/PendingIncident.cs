namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// An incident that detections of the current slice are being added to, in memory: the row is
/// written once when the slice is done with it instead of once per detection.
/// </summary>
internal sealed class PendingIncident(Incident stored)
{
    /// <summary>The state as the database holds it now.</summary>
    public Incident Stored { get; set; } = stored;

    /// <summary>The state with this slice's detections added.</summary>
    public Incident Current { get; set; } = stored;

    /// <summary>Matched events not written yet: (match number, event id).</summary>
    public List<(long Seq, long EventId)> NewEvents { get; } = [];

    /// <summary>Timeline entries not written yet: (match number, entry).</summary>
    public List<(long Seq, TimelineEntry Entry)> NewTimeline { get; } = [];

    /// <summary>Same test as <see cref="IncidentRows.FindOpenAsync"/>: the detection lies within the window of the incident's activity.</summary>
    public bool Covers(DateTimeOffset at, TimeSpan window) => Covers(Current, at, window);

    public static bool Covers(Incident incident, DateTimeOffset at, TimeSpan window) => incident.LastSeen >= at - window && incident.FirstSeen <= at + window;

    /// <summary>The story would still span at most <paramref name="cap"/> with a detection at <paramref name="at"/>.</summary>
    public static bool WithinCap(Incident incident, DateTimeOffset at, TimeSpan cap) =>
        (at > incident.LastSeen ? at : incident.LastSeen) - (at < incident.FirstSeen ? at : incident.FirstSeen) <= cap;
}
