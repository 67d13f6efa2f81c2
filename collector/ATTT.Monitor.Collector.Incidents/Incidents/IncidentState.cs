namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// mới / đang xử lý / đã khắc phục / đã đóng / cảnh báo nhầm. Stored and sent in snake_case:
/// new, in_progress, resolved, closed, false_positive.
/// </summary>
public enum IncidentState
{
    New = 0,
    InProgress = 1,
    Resolved = 2,
    Closed = 3,
    FalsePositive = 4,
}
