using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Builds <see cref="IncidentChange"/>s as the incident manager journals them.</summary>
public static class IncidentChanges
{
    public static readonly DateTimeOffset Detected = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public static IncidentChange Opened(
        long id = 1,
        IncidentSeverity severity = IncidentSeverity.High,
        string category = IncidentCategory.Ransomware,
        string unit = "xa-sang-moc",
        string host = "PC-KETOAN-01",
        string title = "Mã hoá hàng loạt tệp tin trên máy kế toán",
        bool isDrill = false,
        IReadOnlyList<string>? tags = null,
        DateTimeOffset? at = null) =>
        new(IncidentChangeKind.Opened,
            new Incident(id, title, "rule-0001", "Ransomware file rename burst", tags ?? ["attack.impact", "attack.t1486"],
                category, severity, IncidentState.New, unit, host, null, at ?? Detected, at ?? Detected, 1, isDrill, null, null, at ?? Detected, at ?? Detected, null, null),
            null, at ?? Detected);

    public static IncidentChange With(IncidentChange change, IncidentChangeKind kind, DateTimeOffset at) =>
        change with { Kind = kind, At = at, Incident = change.Incident with { LastSeen = at, UpdatedAt = at } };

    /// <summary>The change with its incident altered (a state, a severity, the events' times).</summary>
    public static IncidentChange WithIncident(this IncidentChange change, Func<Incident, Incident> alter) =>
        change with { Incident = alter(change.Incident) };
}
