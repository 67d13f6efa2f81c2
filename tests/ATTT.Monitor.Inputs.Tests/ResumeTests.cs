using System.IO.Compression;
using ATTT.Monitor.Inputs.Tests.Json;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Tests;

/// <summary>
/// Resuming after any record yields exactly the records after it, in every layout: no repeat, no
/// gap, and a bad record before the resume point is not reported again.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Layouts => ["lines", "bad-lines", "array", "search", "evtx", "zip"];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Resuming_after_each_record_yields_exactly_the_rest(string layout)
    {
        var file = Build(layout);
        var all = Reading.Of(file);
        Assert.True(all.Records.Count >= 6, $"{layout}: {all.Records.Count} records");

        for (var k = 0; k < all.Records.Count; k++)
        {
            var at = all.Records[k];
            var rest = Reading.Of(file, new FilePosition(at.Entry, at.Number));
            Assert.Equal(all.Records.Skip(k + 1).Select(Key), rest.Records.Select(Key));
            Assert.Equal(all.Warnings.Where(w => w.Entry == at.Entry ? w.Record > at.Number : Later(w.Entry, at.Entry)).Select(w => w.Record), rest.Warnings.Select(w => w.Record));
        }
    }

    private static bool Later(string? entry, string? than) => string.CompareOrdinal(entry, than) > 0;

    private static (string?, long, int, long) Key(InputRecord r) => (r.Entry, r.Number, r.Event.EventId, r.Event.RecordId);

    private string Build(string layout)
    {
        var events = JsonLayoutTests.SampleEvents().Take(8).ToList();
        var lines = events.Select(FormatWriters.Winlogbeat).ToList();
        switch (layout)
        {
            case "lines":
                return _temp.Write("a.jsonl", string.Join("\n", lines));
            case "bad-lines":
                return _temp.Write("b.jsonl", string.Join("\n{broken\n", lines.Chunk(3).Select(c => string.Join("\n", c))));
            case "array":
                return _temp.Write("c.json", "[" + string.Join(",\n", lines) + "]");
            case "search":
                return _temp.Write("d.json", "{\"took\":1,\"hits\":{\"hits\":[" + string.Join(",", lines.Select(l => $"{{\"_source\":{l}}}")) + "]}}");
            case "evtx":
                return SharedData.AttackSample("Command and Control", "DE_RDP_Tunneling_4624.evtx");
            default:
                var zip = _temp.Combine("e.zip");
                using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
                {
                    archive.CreateEntryFromFile(SharedData.AttackSample("Execution", "Sysmon_Exec_CompiledHTML.evtx"), "b/sysmon.evtx");
                    using var writer = new StreamWriter(archive.CreateEntry("a/winlogbeat.ndjson").Open());
                    writer.Write(string.Join("\n{broken\n", lines.Chunk(4).Select(c => string.Join("\n", c))));
                }

                return zip;
        }
    }
}
