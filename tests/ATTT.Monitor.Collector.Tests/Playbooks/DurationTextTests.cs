using ATTT.Monitor.Collector.Playbooks;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("72h", 259200)]
    [InlineData("5d", 432000)]
    [InlineData(" 2h ", 7200)]
    public void Reads_durations_people_write(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
        Assert.True(DurationText.TryParse(DurationText.Format(value), out var again));
        Assert.Equal(value, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("h")]
    [InlineData("2 h")]
    [InlineData("1.5h")]
    [InlineData("3w")]
    [InlineData("-5m")]
    [InlineData("9999999s")]
    public void Refuses_anything_else(string text) => Assert.False(DurationText.TryParse(text, out _));
}
