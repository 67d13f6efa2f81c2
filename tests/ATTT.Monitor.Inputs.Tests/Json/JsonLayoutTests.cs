using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Tests.Json;

/// <summary>
/// However the records are laid out in the file (one per line, pretty-printed one after another, in
/// an array, as Elasticsearch hits or a whole search response), the same events come out.
/// </summary>
public sealed class JsonLayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_sigmahq_regression_json_reads_as_the_evtx_beside_it()
    {
        var cases = Directory.GetFiles(SharedData.RegressionData, "*.json", SearchOption.AllDirectories);
        Assert.True(cases.Length > 100, $"only {cases.Length} regression cases found");
        foreach (var json in cases)
        {
            var read = Reading.Of(json);
            var evtx = EvtxFile.ReadEvents(Path.ChangeExtension(json, ".evtx")).ToList();
            Assert.Empty(read.Warnings);
            Assert.Equal(evtx.Select(Key), read.Events.Select(Key));
            Assert.Equal(evtx.Select(FieldsOf), read.Events.Select(FieldsOf));
        }
    }

    [Fact]
    public void An_array_of_pretty_printed_records_reads_as_the_same_records_one_per_line()
    {
        var events = SampleEvents();
        var lines = _temp.Write("lines.jsonl", string.Join("\n", events.Select(FormatWriters.Winlogbeat)));
        var array = _temp.Write("array.json", "[\n  " + string.Join(",\n  ", events.Select(e => Indent(FormatWriters.Winlogbeat(e)))) + "\n]\n");

        var expected = Reading.Of(lines);
        var actual = Reading.Of(array);

        Assert.Empty(actual.Warnings);
        Assert.Equal(events.Count, actual.Records.Count);
        Assert.Equal(expected.Events.Select(Key), actual.Events.Select(Key));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), actual.Records.Select(r => r.Number));
    }

    [Fact]
    public void Elasticsearch_hits_and_search_responses_read_as_the_documents_they_hold()
    {
        var events = SampleEvents();
        var hits = events.Select((e, i) => $"{{\"_index\":\".ds-winlogbeat-8.11.0-2026.11.27-000001\",\"_id\":\"id{i}\",\"_score\":1.0,\"_source\":{FormatWriters.Winlogbeat(e)}}}").ToList();
        var half = hits.Count / 2;
        var dumped = _temp.Write("elasticdump.ndjson", string.Join("\n", hits));
        // Two scroll pages one after another, with what Elasticsearch writes before and after the hits.
        var responses = _temp.Write("search.json",
            $"{{\"took\":12,\"timed_out\":false,\"_shards\":{{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}}," +
            $"\"hits\":{{\"total\":{{\"value\":{hits.Count},\"relation\":\"eq\"}},\"max_score\":1.0,\"hits\":[{string.Join(",", hits.Take(half))}]}}," +
            "\"aggregations\":{\"by_channel\":{\"buckets\":[{\"key\":\"Security\",\"doc_count\":3}]}}}\n" +
            $"{{\"_scroll_id\":\"FGluY2x1ZGVfY29udGV4dF91dWlk\",\"took\":3,\"hits\":{{\"hits\":[\n{string.Join(",\n", hits.Skip(half))}\n]}}}}\n" +
            "{\"took\":1,\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}");

        var expected = events.Select(Key).ToList();
        Assert.Equal(expected, Reading.Of(dumped).Events.Select(Key));
        var read = Reading.Of(responses);
        Assert.Empty(read.Warnings);
        Assert.Equal(expected, read.Events.Select(Key));
    }

    [Fact]
    public void Winlogbeat_documents_exported_with_dotted_keys_read_as_nested_ones()
    {
        var nested = _temp.Write("nested.json", """
            {"@timestamp":"2019-11-07T10:34:29.0559196Z","host":{"name":"WIN-41OB2LO92CR.wlbeat.local"},"winlog":{"channel":"Security","computer_name":"WIN-41OB2LO92CR.wlbeat.local","event_id":"1102","keywords":["Audit Success"],"process":{"pid":1144,"thread":{"id":1824}},"provider_guid":"{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}","provider_name":"Microsoft-Windows-Eventlog","record_id":14224,"task":"Log clear","user_data":{"SubjectDomainName":"WLBEAT","SubjectUserName":"Administrator","xml_name":"LogFileCleared"}}}
            """);
        var dotted = _temp.Write("dotted.json", """
            {"@timestamp":"2019-11-07T10:34:29.0559196Z","host.name":"WIN-41OB2LO92CR.wlbeat.local","winlog.channel":"Security","winlog.computer_name":"WIN-41OB2LO92CR.wlbeat.local","winlog.event_id":1102,"winlog.keywords":["Audit Success"],"winlog.process.pid":1144,"winlog.process.thread.id":1824,"winlog.provider_guid":"{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}","winlog.provider_name":"Microsoft-Windows-Eventlog","winlog.record_id":"14224","winlog.task":"Log clear","winlog.user_data.SubjectDomainName":"WLBEAT","winlog.user_data.SubjectUserName":"Administrator","winlog.user_data.xml_name":"LogFileCleared"}
            """);

        foreach (var file in new[] { nested, dotted })
        {
            var e = Assert.Single(Reading.Of(file).Events);
            Assert.Equal((1102, "Security", "WIN-41OB2LO92CR.wlbeat.local", "Microsoft-Windows-Eventlog"), (e.EventId, e.Channel, e.Computer, e.Provider));
            Assert.Equal((14224L, 1144, 1824, "0x8020000000000000"), (e.RecordId, e.ProcessId, e.ThreadId, e.Keywords));
            Assert.Null(e.Task); // winlogbeat renders the task by name
            Assert.Equal(new DateTimeOffset(2019, 11, 7, 10, 34, 29, TimeSpan.Zero).AddTicks(559196), e.TimeCreated);
            Assert.Equal((EventPayloadKind.UserData, "LogFileCleared"), (e.PayloadKind, e.UserDataName));
            Assert.Equal([("SubjectDomainName", "WLBEAT"), ("SubjectUserName", "Administrator")], e.Fields.Select(f => (f.Name, f.Value!)));
        }
    }

    [Fact]
    public void A_byte_order_mark_and_blank_lines_are_passed_over()
    {
        var events = SampleEvents();
        var file = _temp.Write("bom.jsonl", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("\r\n\r\n" + string.Join("\r\n\r\n", events.Select(FormatWriters.Otrf)) + "\r\n")]);

        var read = Reading.Of(file);

        Assert.Empty(read.Warnings);
        Assert.Equal(events.Select(e => (e.EventId, e.Channel)), read.Events.Select(e => (e.EventId, e.Channel)));
    }

    internal static List<EventRecord> SampleEvents() =>
        EvtxFile.ReadEvents(SharedData.AttackSample("Credential Access", "CA_4624_4625_LogonType2_LogonProc_chrome.evtx"))
            .Concat(EvtxFile.ReadEvents(SharedData.AttackSample("Execution", "Sysmon_Exec_CompiledHTML.evtx")))
            .ToList();

    internal static (int, string, string, long, string?) Key(EventRecord e) => (e.EventId, e.Channel, e.Computer, e.RecordId, e.Provider);

    private static string FieldsOf(EventRecord e) => string.Join("|", e.Fields.Select(f => $"{f.Name}={f.Value}"));

    private static string Indent(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
            .ReplaceLineEndings("\n  ");
}
