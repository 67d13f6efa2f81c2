namespace ATTT.Monitor.Collector.Incidents;

/// <summary>No such incident, or not one the caller's units may see (the two are not told apart).</summary>
public sealed class IncidentNotFoundException : Exception
{
    public IncidentNotFoundException(long id) : base($"Incident {id} does not exist.") => IncidentId = id;
    public IncidentNotFoundException() { }
    public IncidentNotFoundException(string message) : base(message) { }
    public IncidentNotFoundException(string message, Exception inner) : base(message, inner) { }

    public long IncidentId { get; }
}
