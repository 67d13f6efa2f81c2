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

    /// <summary>Same test as <see cref="IncidentRows.FindOpenAsync"/>: the detection lies within the window of the incident's activity.</summary>
    public bool Covers(DateTimeOffset at, TimeSpan window) => Current.LastSeen >= at - window && Current.FirstSeen <= at + window;
}
