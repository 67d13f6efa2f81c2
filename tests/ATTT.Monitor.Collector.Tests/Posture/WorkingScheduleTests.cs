using ATTT.Monitor.Collector.Posture;

namespace ATTT.Monitor.Collector.Tests.Posture;

/// <summary>Working hours per unit (default Monday to Friday, 07:00-17:00 Vietnam time) and what counts as a whole missed working day.</summary>
public sealed class WorkingScheduleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateTimeOffset Vn(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Vietnam);

    [Fact]
    public void Working_time_is_weekdays_from_seven_to_five_in_Vietnam()
    {
        var schedule = new WorkingSchedule(new WorkingHoursOptions());

        Assert.True(schedule.IsWorkingTime(Vn(25, 7)));             // Wednesday 07:00
        Assert.True(schedule.IsWorkingTime(Vn(25, 16, 59)));
        Assert.False(schedule.IsWorkingTime(Vn(25, 17)));           // the evening
        Assert.False(schedule.IsWorkingTime(Vn(26, 6, 59)));        // before work
        Assert.False(schedule.IsWorkingTime(Vn(28, 10)));           // Saturday
        Assert.False(schedule.IsWorkingTime(Vn(29, 10)));           // Sunday
        Assert.True(schedule.IsWorkingTime(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero))); // 10:00 in Vietnam, given in UTC
    }

    [Fact]
    public void A_whole_working_day_is_the_first_one_that_starts_after_the_silence_began()
    {
        var schedule = new WorkingSchedule(new WorkingHoursOptions());

        Assert.Equal(Vn(26, 17), schedule.EndOfFirstWholeWorkingDayAfter(Vn(25, 10)));  // silent Wednesday 10:00: Thursday
        Assert.Equal(Vn(25, 17), schedule.EndOfFirstWholeWorkingDayAfter(Vn(25, 6)));   // before work: that same day
        Assert.Equal(Vn(30, 17), schedule.EndOfFirstWholeWorkingDayAfter(Vn(27, 16)));  // Friday afternoon: over the weekend to Monday
        Assert.Equal(Vn(30, 17), schedule.EndOfFirstWholeWorkingDayAfter(Vn(28, 9)));   // Saturday: Monday
    }

    [Fact]
    public void A_unit_can_keep_its_own_hours_and_days()
    {
        var saturdays = new WorkingSchedule(new WorkingHoursOptions
        {
            Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
            Start = TimeSpan.FromHours(7.5),
            End = TimeSpan.FromHours(11.5),
        });

        Assert.True(saturdays.IsWorkingTime(Vn(28, 8)));
        Assert.False(saturdays.IsWorkingTime(Vn(25, 7, 15)));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 30, 0, Vietnam), saturdays.EndOfFirstWholeWorkingDayAfter(Vn(27, 16)));
        Assert.Throws<ArgumentException>(() => new WorkingSchedule(new WorkingHoursOptions { Start = TimeSpan.FromHours(17), End = TimeSpan.FromHours(7) }));
    }
}
