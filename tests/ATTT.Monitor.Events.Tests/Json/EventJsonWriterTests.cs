using System.Globalization;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events.Json;
using ATTT.Monitor.Events.Tests.Support;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Events.Tests.Json;

/// <summary>What <see cref="EventJsonWriter"/> writes, <see cref="EventJsonReader"/> reads back as the same event.</summary>
public sealed class EventJsonWriterTests
{
    [Fact]
    public void Every_attack_sample_event_reads_back_the_same_after_writing()
    {
        var files = SharedSamples.AttackEvtxFiles();
        Assert.NotEmpty(files);
        var events = 0;
        var differences = new List<string>();
        foreach (var file in files)
        {
            foreach (var original in EvtxFile.ReadEvents(file))
            {
                events++;
                var back = EventJsonReader.Parse(Write(original));
                var (expected, actual) = (Describe(original), Describe(back));
                if (expected != actual && differences.Count < 5)
                    differences.Add($"{Path.GetFileName(file)} record {original.RecordId}:\n  wrote {expected}\n  read  {actual}");
            }
        }

        Assert.True(events > 8000, $"only {events} events read from the attack samples");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Members_beside_the_event_are_written_after_it_and_ignored_by_the_reader()
    {
        var e = new EventRecord
        {
            Provider = "Microsoft-Windows-Security-Auditing", EventId = 4625, Channel = "Security", Computer = "PC-KETOAN-01",
            TimeCreated = new DateTimeOffset(2026, 11, 27, 3, 15, 0, TimeSpan.Zero), PayloadKind = EventPayloadKind.EventData,
            Fields = [new("TargetUserName", "</script>\"ketoan"), new("LogonType", "3", EventValueKind.Integer)],
        };
        var json = Write(e, w => w.WriteString("unit", "xa-sang-moc"));

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["Event", "unit"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("</script>", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(Describe(e), Describe(EventJsonReader.Parse(json)));
    }

    private static byte[] Write(EventRecord e, Action<Utf8JsonWriter>? beside = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            EventJsonWriter.Write(writer, e, beside);
        return buffer.ToArray();
    }

    /// <summary>
    /// Every property of the event and its fields in order, as one line to compare and to show. Times
    /// to the microsecond: the dump shape writes <see cref="EventTime"/>'s one form, as
    /// <c>attt evtx dump</c> does, while an EVTX FILETIME holds tenths of a microsecond.
    /// </summary>
    private static string Describe(EventRecord e)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{e.Provider}|{e.ProviderGuid}|{e.EventSourceName}|{e.EventId}|{e.Qualifiers}|{e.Version}|{e.Level}|{e.Task}|{e.Opcode}|{e.Keywords}|");
        sb.Append(CultureInfo.InvariantCulture, $"{e.TimeCreated.UtcTicks / 10}|{e.RecordId}|{e.ActivityId}|{e.RelatedActivityId}|{e.ProcessId}|{e.ThreadId}|{e.Channel}|{e.Computer}|{e.UserId}|");
        sb.Append(CultureInfo.InvariantCulture, $"{e.PayloadKind}|{e.UserDataName}|");
        foreach (var f in e.Fields)
            sb.Append(CultureInfo.InvariantCulture, $"[{f.Name}={f.Value}:{f.Kind}]");
        return sb.ToString();
    }
}
