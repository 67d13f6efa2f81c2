namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// The events retention in force: <see cref="Days"/> from the dashboard when an administrator set
/// it (<see cref="UpdatedBy"/> not null), otherwise from configuration (<c>Storage:Events:RetentionDays</c>).
/// </summary>
public sealed record RetentionSetting(int Days, int ConfiguredDays, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    public bool IsOverridden => UpdatedBy is not null;
}
