using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Agent.Tests.Sources;

public sealed class EventXmlParserTests
{
    private static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Recorded", name));

    [Fact]
    public void A_security_logon_failure_keeps_its_system_fields_and_named_data()
    {
        var e = EventXmlParser.Parse(Recorded("security-4625.xml"), [null, null, null, 3221225581u, 3u, null, null, null, null, null, null]);

        Assert.Equal("Microsoft-Windows-Security-Auditing", e.Provider);
        Assert.Equal("54849625-5478-4994-A5BA-3E3B0328C30D", e.ProviderGuid);
        Assert.Equal(4625, e.EventId);
        Assert.Equal(12544, e.Task);
        Assert.Equal("0x8010000000000000", e.Keywords);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 3, 14, 59, TimeSpan.Zero).AddTicks(1234567), e.TimeCreated);
        Assert.Equal(123456, e.RecordId);
        Assert.Equal("F5A9E4C2-3B1D-0002-0A4E-A9F51D3BDC01", e.ActivityId);
        Assert.Equal(640, e.ProcessId);
        Assert.Equal(1234, e.ThreadId);
        Assert.Equal("Security", e.Channel);
        Assert.Equal("PC-KETOAN-01", e.Computer);
        Assert.Null(e.UserId);
        Assert.Equal(EventPayloadKind.EventData, e.PayloadKind);
        Assert.Equal(11, e.Fields.Count);
        Assert.True(e.TryGetField("TargetUserName", out var user));
        Assert.Equal("quantri", user);
        Assert.Equal(new EventField("LogonType", "3", EventValueKind.Integer), e.Fields[4]);
        // A hex rendering stays a string even when the API typed it as a number.
        Assert.Equal(new EventField("Status", "0xc000006d", EventValueKind.String), e.Fields[3]);
        Assert.Equal(new EventField("Empty", null, EventValueKind.Null), e.Fields[9]);
        Assert.Equal("<script>alert(1)</script>", e.Fields[10].Value);
    }

    [Fact]
    public void A_classic_event_keeps_qualifiers_event_source_name_and_binary()
    {
        var e = EventXmlParser.Parse(Recorded("system-7036.xml"));

        Assert.Equal(7036, e.EventId);
        Assert.Equal(16384, e.Qualifiers);
        Assert.Equal("Service Control Manager", e.EventSourceName);
        Assert.Equal(4, e.Level);
        Assert.Equal(["param1", "param2", "Binary"], e.Fields.Select(f => f.Name));
        Assert.Equal("stopped", e.Fields[1].Value);
    }

    [Fact]
    public void A_log_clear_reads_user_data_leaves_by_element_name()
    {
        var e = EventXmlParser.Parse(Recorded("security-1102.xml"));

        Assert.Equal(EventPayloadKind.UserData, e.PayloadKind);
        Assert.Equal("LogFileCleared", e.UserDataName);
        Assert.Equal("S-1-5-21-1-2-3-1001", e.UserId);
        Assert.Equal(["SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId"], e.Fields.Select(f => f.Name));
        Assert.Equal("0x3e7", e.Fields[3].Value);
    }

    [Fact]
    public void Field_names_with_spaces_are_kept()
    {
        var e = EventXmlParser.Parse(Recorded("defender-5001.xml"));

        Assert.Equal("Microsoft-Windows-Windows Defender/Operational", e.Channel);
        Assert.True(e.TryGetField("Product Version", out var version));
        Assert.Equal("4.18.24090.11", version);
    }

    [Theory]
    [InlineData("<Event><System>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a 'b'>]><Event/>")]
    [InlineData("no xml")]
    public void Bad_xml_is_a_format_error(string xml) =>
        Assert.Throws<FormatException>(() => EventXmlParser.Parse(xml));

    [Fact]
    public void Records_rendered_as_xml_parse_to_what_the_evtx_reader_reads()
    {
        var file = SharedData.AttackSample("Credential Access", "CA_4624_4625_LogonType2_LogonProc_chrome.evtx");
        var records = EvtxFile.ReadEvents(file).ToList();
        var documents = EvtxFile.ReadDocuments(file).ToList();
        Assert.NotEmpty(records);
        Assert.Equal(records.Count, documents.Count);

        for (var i = 0; i < records.Count; i++)
        {
            var expected = records[i];
            var actual = EventXmlParser.Parse(documents[i].ToXml());
            Assert.Equal(expected.EventId, actual.EventId);
            Assert.Equal(expected.Provider, actual.Provider);
            Assert.Equal(expected.ProviderGuid, actual.ProviderGuid);
            Assert.Equal(expected.Channel, actual.Channel);
            Assert.Equal(expected.Computer, actual.Computer);
            Assert.Equal(expected.RecordId, actual.RecordId);
            // The product's XML renderer writes microseconds; Windows writes 100 ns ticks.
            Assert.True((expected.TimeCreated - actual.TimeCreated).Duration() < TimeSpan.FromMicroseconds(1));
            Assert.Equal(expected.PayloadKind, actual.PayloadKind);
            Assert.Equal(expected.Fields.Select(f => (f.Name, f.Value ?? "")), actual.Fields.Select(f => (f.Name, f.Value ?? "")));
        }
    }
}
