namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Which state changes a person may make. Resolved, closed and false-positive incidents may be
/// reopened (to in progress) because a wrong decision must be correctable; nothing goes back to new.
/// </summary>
public static class IncidentTransitions
{
    public static bool IsAllowed(IncidentState from, IncidentState to) => (from, to) switch
    {
        (IncidentState.New, IncidentState.InProgress or IncidentState.Resolved or IncidentState.Closed or IncidentState.FalsePositive) => true,
        (IncidentState.InProgress, IncidentState.Resolved or IncidentState.Closed or IncidentState.FalsePositive) => true,
        (IncidentState.Resolved, IncidentState.Closed or IncidentState.InProgress) => true,
        (IncidentState.Closed, IncidentState.InProgress) => true,
        (IncidentState.FalsePositive, IncidentState.InProgress or IncidentState.Closed) => true,
        _ => false,
    };

    public static IReadOnlyList<IncidentState> AllowedFrom(IncidentState from) =>
        Enum.GetValues<IncidentState>().Where(to => IsAllowed(from, to)).ToList();

    /// <summary>Open incidents still group new detections and show on the dashboard's work list.</summary>
    public static bool IsOpen(IncidentState state) => state is IncidentState.New or IncidentState.InProgress;
}
