using System.IO.Compression;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Tests.Mapping;

/// <summary>
/// The two OTRF Security-Datasets campaigns in ../shared (a lab PC's 15 minutes: background noise
/// and one Metasploit + Mimikatz attack), read from their zips to the end. Expected counts are taken
/// from the JSON lines themselves, parsed here one by one with System.Text.Json.
/// </summary>
public sealed class OtrfDatasetTests
{
    [Theory]
    [InlineData("LSASS_campaign_01.zip")]
    [InlineData("LSASS_campaign_02.zip")]
    public void A_campaign_zip_reads_to_its_end_with_every_line_an_event(string zip)
    {
        var (expected, hosts) = CountByChannel(SharedData.Otrf(zip));

        var read = Reading.Of(SharedData.Otrf(zip));

        Assert.Empty(read.Warnings);
        Assert.Equal(expected.Values.Sum(), read.Records.Count);
        var actual = read.Events.GroupBy(e => e.Channel).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(hosts.Order(StringComparer.Ordinal), read.Events.Select(e => e.Computer).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, read.Records.Count).Select(i => (long)i), read.Records.Select(r => r.Number));
        Assert.Single(read.Records.Select(r => r.Entry).Distinct());
    }

    [Fact]
    public void System_values_and_sysmon_and_security_fields_keep_their_windows_names()
    {
        var events = Reading.Of(SharedData.Otrf("LSASS_campaign_01.zip")).Events;

        // The first Sysmon process creation of the campaign (values from its JSON line).
        var sysmon = events.First(e => e.Channel == "Microsoft-Windows-Sysmon/Operational" && e.EventId == 1);
        Assert.Equal(("Microsoft-Windows-Sysmon", "{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"), (sysmon.Provider, sysmon.ProviderGuid));
        Assert.Equal((4, 1, "0x8000000000000000"), (sysmon.Level, sysmon.Task, sysmon.Keywords));
        Assert.Equal(new DateTimeOffset(2023, 8, 15, 9, 53, 48, 554, TimeSpan.Zero), sysmon.TimeCreated);
        Assert.Equal(EventPayloadKind.EventData, sysmon.PayloadKind);
        Assert.Equal("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", Field(sysmon, "Image"));
        Assert.Equal("7448", Field(sysmon, "ProcessId"));
        Assert.Equal("C:\\Windows\\explorer.exe", Field(sysmon, "ParentImage"));
        Assert.StartsWith("Process Create:", Field(sysmon, "Message"), StringComparison.Ordinal);
        Assert.DoesNotContain(sysmon.Fields, f => f.Name is "@timestamp" or "Hostname" or "SourceName" or "EventID" or "Channel");

        var logon = events.First(e => e.Channel == "Security" && e.EventId == 4688);
        Assert.Equal(("Microsoft-Windows-Security-Auditing", 0, 13312, "0x8020000000000000"), (logon.Provider, logon.Level, logon.Task, logon.Keywords));
        Assert.Equal("stevie.marie", Field(logon, "SubjectUserName"));
        Assert.Equal("0x11c0", Field(logon, "ProcessId"));

        // Windows Filtering Platform events have a ProcessID of their own in EventData: it stays there.
        var connection = events.First(e => e.Channel == "Security" && e.EventId == 5156);
        Assert.Null(connection.ProcessId);
        Assert.NotNull(Field(connection, "ProcessID"));
        Assert.True(connection.TryGetField("ProcessID", out var pid) && pid == Field(connection, "ProcessID"));
    }

    private static string? Field(EventRecord e, string name) => e.Fields.First(f => f.Name == name).Value;

    private static (Dictionary<string, int> Channels, HashSet<string> Hosts) CountByChannel(string zip)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries.Single().Open());
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            using var json = JsonDocument.Parse(line);
            var channel = json.RootElement.GetProperty("Channel").GetString()!;
            counts[channel] = counts.GetValueOrDefault(channel) + 1;
            hosts.Add(json.RootElement.GetProperty("Hostname").GetString()!);
        }

        return (counts, hosts);
    }
}
