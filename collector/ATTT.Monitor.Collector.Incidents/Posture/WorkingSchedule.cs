namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// Working hours made into instants: whether a moment is in working time, and the end of the first
/// working day that started after a PC fell silent (a whole missed working day). Days without
/// working hours (weekends, by default) never count.
/// </summary>
internal sealed class WorkingSchedule
{
    private readonly WorkingHoursOptions _hours;
    private readonly TimeZoneInfo _zone;

    public WorkingSchedule(WorkingHoursOptions hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        _hours = hours;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        if (hours.End <= hours.Start || hours.Start < TimeSpan.Zero || hours.End > TimeSpan.FromDays(1))
            throw new ArgumentException($"Working hours must start before they end within one day, not {hours.Start}-{hours.End}.", nameof(hours));
    }

    public bool IsWorkingTime(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        return _hours.Days.Contains(local.DayOfWeek) && local.TimeOfDay >= _hours.Start && local.TimeOfDay < _hours.End;
    }

    /// <summary>When the first working day lying wholly after <paramref name="since"/> ends; null when the week has no working day.</summary>
    public DateTimeOffset? EndOfFirstWholeWorkingDayAfter(DateTimeOffset since)
    {
        if (_hours.Days.Count == 0)
            return null;
        var day = TimeZoneInfo.ConvertTime(since, _zone).Date;
        for (var i = 0; i < 15; i++, day = day.AddDays(1))
        {
            if (!_hours.Days.Contains(day.DayOfWeek))
                continue;
            var start = Instant(day + _hours.Start);
            if (start >= since)
                return Instant(day + _hours.End);
        }

        return null;
    }

    private DateTimeOffset Instant(DateTime local) => new(local, _zone.GetUtcOffset(local));
}
