using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Posture;
using Microsoft.AspNetCore.Http;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>How a PC's posture is classed for the overview, and how its history durations read.</summary>
public sealed class WorkstationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static PostureState State(DateTimeOffset received, params string[] conditions) =>
        new("a_01", "xa", "PC-01", false, received, received, "Windows Defender", true, true, 0.5, null, true, conditions);

    [Theory]
    [InlineData(PostureClass.Protected)]
    [InlineData(PostureClass.SignaturesOld, "signatures_outdated")]
    [InlineData(PostureClass.RealtimeOff, "protection_off")]
    [InlineData(PostureClass.RealtimeOff, "protection_off", "signatures_outdated")]
    [InlineData(PostureClass.None, "no_antivirus")]
    public void TheWorstConditionDecidesTheClass(PostureClass expected, params string[] conditions) =>
        Assert.Equal(expected, PostureClasses.Of(State(Now, conditions)));

    [Fact]
    public void APcWithoutReportIsUnknown_AndEveryClassRoundTripsThroughItsUrlValue()
    {
        Assert.Equal(PostureClass.Unknown, PostureClasses.Of(null));
        foreach (var c in PostureClasses.All)
        {
            Assert.True(PostureClasses.TryParse(c.ToText(), out var parsed));
            Assert.Equal(c, parsed);
        }

        Assert.False(PostureClasses.TryParse("<script>", out _));
        Assert.False(PostureClasses.TryParse(null, out _));
    }

    [Fact]
    public void EachHistoryRowLastsUntilTheNextChange_AndTheNewestUntilNow()
    {
        var history = PostureChange.FromHistory(
            [State(Now.AddHours(-2), "protection_off"), State(Now.AddDays(-3).AddHours(-2)), State(Now.AddDays(-3).AddHours(-2).AddMinutes(-7), "no_antivirus")], Now);
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromDays(3), TimeSpan.FromMinutes(7)], history.Select(h => h.Lasted));
        Assert.Equal([true, false, false], history.Select(h => h.Current));
        Assert.Empty(PostureChange.FromHistory([], Now));
    }

    [Theory]
    [InlineData(0, "0 phút")]
    [InlineData(7 * 60 + 59, "7 phút")]
    [InlineData(2 * 3600 + 5 * 60, "2 giờ 5 phút")]
    [InlineData(3 * 86400 + 4 * 3600 + 120, "3 ngày 4 giờ")]
    [InlineData(-30, "0 phút")]
    public void DurationsReadInVietnamese(int seconds, string expected)
    {
        var text = new DashboardText(new HttpContextAccessor());
        Assert.Equal(expected, DurationText.Format(text, TimeSpan.FromSeconds(seconds)));
    }
}
