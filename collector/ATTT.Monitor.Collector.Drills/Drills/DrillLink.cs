namespace ATTT.Monitor.Collector.Drills;

/// <summary>The links of the chain a drill measures (<c>drill_measurements.link</c>), each timed from the first inject.</summary>
public static class DrillLink
{
    public const string Injected = "injected";
    public const string Detected = "detected";
    public const string IncidentOpened = "incident_opened";
    public const string NotificationSent = "notification_sent";
    public const string Acknowledged = "acknowledged";
    public const string DashboardAcknowledged = "dashboard_acknowledged";

    /// <summary>Detection had read every injected event and the drills' journal reader had caught up: a rule that has not fired by now will not.</summary>
    public const string DetectionSettled = "detection_settled";
}
