namespace ATTT.Monitor.Collector.Incidents;

public enum IncidentChangeKind
{
    Opened = 0,
    Updated = 1,
    SeverityRaised = 2,
    StateChanged = 3,
    Assigned = 4,
    Commented = 5,
}
