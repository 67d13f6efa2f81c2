using ATTT.Monitor.Events.Tests.Support;

namespace ATTT.Monitor.Events.Tests;

public class EventRecordTests
{
    [Theory]
    [InlineData("EventID", "4625")]
    [InlineData("Channel", "Security")]
    [InlineData("Provider_Name", "Microsoft-Windows-Security-Auditing")]
    [InlineData("Computer", "PC-KETOAN-01")]
    [InlineData("TargetUserName", "admin")]
    [InlineData("targetusername", "admin")]
    [InlineData("LogonType", "3")]
    [InlineData("Keywords", "0x8010000000000000")]
    [InlineData("TimeCreated", "2026-11-27T03:14:59.123456Z")]
    public void Finds_system_and_payload_fields_by_sigma_name(string name, string expected)
    {
        var e = EventBuilder.FailedLogon();
        Assert.True(e.TryGetField(name, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Payload_field_wins_over_system_field_of_same_name_in_other_case()
    {
        var e = EventBuilder.FailedLogon();
        Assert.True(e.TryGetField("ProcessId", out var payload));
        Assert.Equal("0x2a8", payload);
        Assert.True(e.TryGetField("ProcessID", out var system));
        Assert.Equal("640", system);
    }

    [Fact]
    public void Absent_and_null_fields_are_told_apart()
    {
        var e = EventBuilder.FailedLogon();
        Assert.False(e.TryGetField("CommandLine", out _));
        Assert.True(e.TryGetField("Empty", out var v));
        Assert.Null(v);
        Assert.False(e.TryGetField("UserID", out _));
    }

    [Fact]
    public void Keyword_values_include_unnamed_data()
    {
        var values = EventBuilder.FailedLogon().EnumerateValues().ToList();
        Assert.Contains("unnamed value", values);
        Assert.Contains("Security", values);
        Assert.Contains("4625", values);
    }
}
