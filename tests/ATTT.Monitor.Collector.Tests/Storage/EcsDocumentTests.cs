using System.Text;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Elasticsearch;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The Elasticsearch documents follow ECS for Windows events, whatever cluster they go to.</summary>
public sealed class EcsDocumentTests
{
    [Fact]
    public void A_bulk_body_creates_ecs_documents_with_deterministic_ids()
    {
        var agent = new AgentIdentity("a_01", "xã-sàng-mộc", "PC-1", IsDrill: true);
        var received = new DateTimeOffset(2026, 11, 27, 3, 15, 0, TimeSpan.Zero);
        var events = new[] { TestEvents.Logon(5), TestEvents.Logon(6) };
        var lines = Encoding.UTF8.GetString(EcsDocument.BulkCreate("logs-attt.windows-default", agent, 42, events, 1000, received))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);

        using var action = JsonDocument.Parse(lines[2]);
        Assert.Equal("a_01:42:1", action.RootElement.GetProperty("create").GetProperty("_id").GetString());
        Assert.Equal("logs-attt.windows-default", action.RootElement.GetProperty("create").GetProperty("_index").GetString());

        using var doc = JsonDocument.Parse(lines[3]);
        var root = doc.RootElement;
        Assert.Equal("2026-11-27T03:00:06.000000Z", root.GetProperty("@timestamp").GetString());
        Assert.Equal("4625", root.GetProperty("event").GetProperty("code").GetString());
        Assert.Equal("Microsoft-Windows-Security-Auditing", root.GetProperty("event").GetProperty("provider").GetString());
        Assert.Equal("PC-KETOAN-01", root.GetProperty("host").GetProperty("name").GetString());
        var winlog = root.GetProperty("winlog");
        Assert.Equal("Security", winlog.GetProperty("channel").GetString());
        Assert.Equal("4625", winlog.GetProperty("event_id").GetString());
        Assert.Equal("6", winlog.GetProperty("record_id").GetString());
        Assert.Equal("PC-KETOAN-01", winlog.GetProperty("computer_name").GetString());
        var data = winlog.GetProperty("event_data");
        Assert.Equal("nguyễn.văn.a", data.GetProperty("TargetUserName").GetString());
        Assert.Equal("3", data.GetProperty("LogonType").GetString());
        Assert.Equal("unnamed value", data.GetProperty("param1").GetString());
        Assert.False(data.TryGetProperty("Missing", out _));
        var attt = root.GetProperty("attt");
        Assert.Equal("xã-sàng-mộc", attt.GetProperty("unit").GetString());
        Assert.Equal("a_01", attt.GetProperty("agent_id").GetString());
        Assert.Equal(1001, attt.GetProperty("ingest_id").GetInt64());
        Assert.True(attt.GetProperty("drill").GetBoolean());
        // The exact wire form rides along so the event reads back field for field.
        using var wire = JsonDocument.Parse(attt.GetProperty("event").GetString()!);
        Assert.Equal(6, wire.RootElement.GetProperty("record_id").GetInt64());
    }

    [Fact]
    public void Repeated_and_dotted_names_never_make_an_invalid_document()
    {
        var e = new EventRecord
        {
            EventId = 1, Channel = "Application", Computer = "PC", TimeCreated = TestEvents.BaseTime, PayloadKind = EventPayloadKind.EventData,
            Fields = [new EventField("A", "1"), new EventField("A", "2"), new EventField("a.b", "3"), new EventField("", "x"), new EventField("", "y")],
        };
        var body = Encoding.UTF8.GetString(EcsDocument.BulkCreate("s", new AgentIdentity("a", "u", "h", false), 1, [e], 1, TestEvents.BaseTime));
        using var doc = JsonDocument.Parse(body.Split('\n')[1]);
        var data = doc.RootElement.GetProperty("winlog").GetProperty("event_data");
        Assert.Equal(["A", "a_b", "param1", "param2"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1", data.GetProperty("A").GetString());
    }

    [Fact]
    public void Wildcard_characters_in_searched_text_are_escaped() =>
        Assert.Equal(@"C:\\Windows\*\?", EcsDocument.Escape(@"C:\Windows*?"));
}
