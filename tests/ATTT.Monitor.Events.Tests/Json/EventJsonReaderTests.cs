using System.Text;
using ATTT.Monitor.Events.Json;

namespace ATTT.Monitor.Events.Tests.Json;

/// <summary>The evtx-dump JSON shape: System, EventData, UserData, unnamed Data, concatenated records.</summary>
public class EventJsonReaderTests
{
    private const string Sysmon = """
        {
          "Event": {
            "#attributes": { "xmlns": "http://schemas.microsoft.com/win/2004/08/events/event" },
            "System": {
              "Provider": { "#attributes": { "Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9" } },
              "EventID": 1, "Version": 5, "Level": 4, "Task": 1, "Opcode": 0,
              "Keywords": "0x8000000000000000",
              "TimeCreated": { "#attributes": { "SystemTime": "2025-11-26T05:11:27.927693Z" } },
              "EventRecordID": 142649,
              "Correlation": null,
              "Execution": { "#attributes": { "ProcessID": 3544, "ThreadID": 4264 } },
              "Channel": "Microsoft-Windows-Sysmon/Operational",
              "Computer": "pc1",
              "Security": { "#attributes": { "UserID": "S-1-5-18" } }
            },
            "EventData": { "Image": "C:\\x.exe", "ProcessId": 10116, "Empty": null, "Flag": true }
          }
        }
        """;

    [Fact]
    public void Parses_system_and_event_data()
    {
        var e = EventJsonReader.Parse(Encoding.UTF8.GetBytes(Sysmon));
        Assert.Equal("Microsoft-Windows-Sysmon", e.Provider);
        Assert.Equal(1, e.EventId);
        Assert.Equal(142649, e.RecordId);
        Assert.Equal(3544, e.ProcessId);
        Assert.Equal("S-1-5-18", e.UserId);
        Assert.Equal(new DateTimeOffset(2025, 11, 26, 5, 11, 27, TimeSpan.Zero).AddTicks(9276930), e.TimeCreated);
        Assert.Equal(EventPayloadKind.EventData, e.PayloadKind);
        Assert.True(e.TryGetField("Image", out var image));
        Assert.Equal(@"C:\x.exe", image);
        Assert.True(e.TryGetField("ProcessId", out var pid));
        Assert.Equal("10116", pid);
        Assert.True(e.TryGetField("Empty", out var empty));
        Assert.Null(empty);
        Assert.Equal(EventValueKind.Boolean, e.Fields.Single(f => f.Name == "Flag").Kind);
    }

    [Fact]
    public void Parses_user_data_qualifiers_and_unnamed_data()
    {
        const string json = """
            {"Event":{"System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Eventlog"}},"EventID":{"#attributes":{"Qualifiers":16384},"#text":1102},"TimeCreated":{"#attributes":{"SystemTime":"2026-01-01T00:00:00Z"}},"EventRecordID":7,"Channel":"Security","Computer":"pc"},
             "UserData":{"LogFileCleared":{"#attributes":{"xmlns":"x"},"SubjectUserName":"admin"}}}}
            {"Event":{"System":{"EventID":7045,"Channel":"System","Computer":"pc"},"EventData":{"Data":["a","b"]}}}
            """;
        var records = EventJsonReader.ReadConcatenated(new MemoryStream(Encoding.UTF8.GetBytes(json))).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(1102, records[0].EventId);
        Assert.Equal(16384, records[0].Qualifiers);
        Assert.Equal("LogFileCleared", records[0].UserDataName);
        Assert.True(records[0].TryGetField("SubjectUserName", out var user));
        Assert.Equal("admin", user);
        Assert.Equal(["a", "b"], records[1].Fields.Select(f => f.Value));
        Assert.All(records[1].Fields, f => Assert.Equal("", f.Name));
    }

    [Fact]
    public void Reads_pretty_printed_objects_across_buffer_boundaries()
    {
        var big = string.Concat(Enumerable.Repeat(Sysmon + "\n", 400));
        var records = EventJsonReader.ReadConcatenated(new MemoryStream(Encoding.UTF8.GetBytes(big))).ToList();
        Assert.Equal(400, records.Count);
        Assert.All(records, r => Assert.Equal(142649, r.RecordId));
    }

    [Fact]
    public void A_malformed_record_names_its_line_and_earlier_records_are_kept()
    {
        var text = "{\"Event\":{\"System\":{\"EventID\":1,\"Channel\":\"c\"}}}\n{\"Event\":{\"System\":{\"EventID\":}}}\n";
        var read = new List<EventRecord>();
        var ex = Assert.Throws<EventJsonException>(() =>
        {
            foreach (var r in EventJsonReader.ReadConcatenated(new MemoryStream(Encoding.UTF8.GetBytes(text)))) read.Add(r);
        });
        Assert.Single(read);
        Assert.Equal(2, ex.Line);
        Assert.Contains("Line 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"NotEvent\":{}}", "Event")]
    [InlineData("{\"Event\":{}}", "System")]
    [InlineData("{\"Event\":{\"System\":{\"Channel\":\"c\"}}}", "EventID")]
    [InlineData("{\"Event\":{\"System\":{\"EventID\":\"x\"}}}", "EventID")]
    [InlineData("[1,2]", "Event")]
    public void Wrong_shapes_are_named(string json, string mentioned)
    {
        var ex = Assert.Throws<EventJsonException>(() => EventJsonReader.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_input_is_an_error()
    {
        var ex = Assert.Throws<EventJsonException>(() =>
            EventJsonReader.ReadConcatenated(new MemoryStream("{\"Event\":{\"System\":"u8.ToArray())).ToList());
        Assert.Equal(1, ex.Line);
    }
}
