using System.IO.Compression;
using System.Text;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Bench;

/// <summary>
/// The inputs the benchmark reads, one per format: the attack samples as EVTX and as each JSON shape
/// the field exports (written <c>copies</c> times over, so every row reads tens of thousands of
/// records), and the two OTRF campaigns as shipped (zip) and unzipped. Written to a temporary folder,
/// deleted on dispose.
/// </summary>
internal sealed class BenchCorpus : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attt-inputs-bench-" + Path.GetRandomFileName());

    private BenchCorpus()
    {
        Directory.CreateDirectory(_folder);
    }

    public List<BenchInput> Inputs { get; } = [];

    public static BenchCorpus Write(string shared, int copies)
    {
        var samples = Directory.GetFiles(Path.Combine(shared, "evtx", "attack-samples"), "*.evtx", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var zips = Directory.GetFiles(Path.Combine(shared, "datasets", "otrf"), "*.zip").Order(StringComparer.Ordinal).ToList();
        var corpus = new BenchCorpus();
        var events = samples.SelectMany(f => EvtxFile.ReadEvents(f)).ToList();
        var dumped = samples.SelectMany(f => EvtxFile.ReadDocuments(f)).Select(d => d.ToJson()).ToList();

        corpus.Inputs.Add(new BenchInput($"EVTX ({samples.Count} attack samples)", samples, copies));
        corpus.Add("evtx-dump JSON lines", "dump.jsonl", copies, dumped, Lines);
        corpus.Add("evtx-dump JSON array", "dump-array.json", copies, dumped, Array);
        corpus.Add("NXLog JSON lines", "nxlog.json", copies, events.Select(FormatWriters.NxLog).ToList(), Lines);
        corpus.Add("Winlogbeat ndjson", "winlogbeat.ndjson", copies, events.Select(FormatWriters.Winlogbeat).ToList(), Lines);
        corpus.Add("Winlogbeat search response", "search.json", copies, events.Select(Hit).ToList(), SearchResponse);
        corpus.Inputs.Add(new BenchInput($"OTRF JSON lines ({zips.Count} campaigns, unzipped)", zips.Select(corpus.Unzip).ToList(), 1));
        corpus.Inputs.Add(new BenchInput($"OTRF zip ({zips.Count} campaigns, as shipped)", zips, 1));
        return corpus;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Add(string name, string file, int copies, List<string> records, Action<TextWriter, IEnumerable<string>> layout)
    {
        var path = Path.Combine(_folder, file);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            layout(writer, Enumerable.Repeat(records, copies).SelectMany(r => r));
        Inputs.Add(new BenchInput(name, [path], 1));
    }

    private string Unzip(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        var entry = archive.Entries.Single();
        var path = Path.Combine(_folder, Path.GetFileNameWithoutExtension(zip) + "-" + entry.Name);
        entry.ExtractToFile(path);
        return path;
    }

    private static string Hit(EventRecord e, int i) =>
        $"{{\"_index\":\".ds-winlogbeat-8.11.0-2026.11.27-000001\",\"_id\":\"id{i}\",\"_score\":1.0,\"_source\":{FormatWriters.Winlogbeat(e)}}}";

    private static void Lines(TextWriter writer, IEnumerable<string> records)
    {
        foreach (var record in records)
            writer.Write(record + "\n");
    }

    private static void Array(TextWriter writer, IEnumerable<string> records)
    {
        writer.Write('[');
        var first = true;
        foreach (var record in records)
        {
            writer.Write(first ? "\n" : ",\n");
            writer.Write(record);
            first = false;
        }

        writer.Write("\n]\n");
    }

    private static void SearchResponse(TextWriter writer, IEnumerable<string> hits)
    {
        writer.Write("{\"took\":12,\"timed_out\":false,\"hits\":{\"total\":{\"value\":10000,\"relation\":\"gte\"},\"max_score\":1.0,\"hits\":");
        Array(writer, hits);
        writer.Write("}}\n");
    }
}
