using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>One reporting deadline, counted from detection: when the collector found the incident, never the events' own time.</summary>
public sealed class DeadlineOptions
{
    /// <summary>Stable key, e.g. <c>initial_notice_5d</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>What must be done, in Vietnamese, shown on the dashboard and in reminders.</summary>
    public string Title { get; set; } = "";

    public TimeSpan Within { get; set; }

    /// <summary>The deadline applies only to incidents at or above this severity.</summary>
    public IncidentSeverity MinSeverity { get; set; } = IncidentSeverity.Low;

    /// <summary>What meets it: notice (a notice to an authority was accepted by the mail server), report03, report04, manual.</summary>
    public string MetBy { get; set; } = "notice";
}
