namespace ATTT.Monitor.Collector.Incidents;

public enum IncidentChangeKind
{
    Opened = 0,
    Updated = 1,
    SeverityRaised = 2,
    StateChanged = 3,
    Assigned = 4,
    Commented = 5,

    /// <summary>An administrator found that the incident is a personal-data breach (the data-protection clock starts here).</summary>
    PersonalDataBreachKnown = 6,
}
