namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// Target times of a drill, each measured from the first inject: a rule fired, the incident
/// opened, the notification sent, the recipient acknowledged it, the IT officer acknowledged the
/// incident in the dashboard.
/// </summary>
public sealed record DrillTargets(
    TimeSpan Detect,
    TimeSpan OpenIncident,
    TimeSpan Notify,
    TimeSpan? Acknowledge,
    TimeSpan? DashboardAcknowledge);
