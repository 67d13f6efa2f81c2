namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Mức độ: thấp / trung bình / cao / nghiêm trọng. Stored and sent as the lower-case English name.</summary>
public enum IncidentSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
