namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// A unit's working hours (giờ làm việc): the days and the local times between which its PCs are
/// expected to report. Default Monday to Friday, 07:00 to 17:00, Asia/Ho_Chi_Minh.
/// </summary>
public sealed class WorkingHoursOptions
{
    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeSpan Start { get; set; } = TimeSpan.FromHours(7);

    public TimeSpan End { get; set; } = TimeSpan.FromHours(17);

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
