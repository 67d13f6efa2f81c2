using System.IO.Compression;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Tests.Archives;

/// <summary>Each entry of an archive is a file of its own: detected from its content, read in name order, damage costing that entry.</summary>
public sealed class ZipInputTests : IDisposable
{
    private static readonly string Evtx = SharedData.AttackSample("Execution", "Sysmon_Exec_CompiledHTML.evtx");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Entries_are_read_in_name_order_each_in_its_own_format()
    {
        var otrf = Json.JsonLayoutTests.SampleEvents().Take(3).Select(FormatWriters.Otrf).ToList();
        var zip = Zip(("z/last.evtx", File.ReadAllBytes(Evtx)),
            ("a/first.jsonl", Utf8(string.Join("\n", otrf))),
            ("readme.txt", Utf8("not an input: not read")),
            ("m/folder/", []),
            ("m/middle.json", Utf8("[" + string.Join(",", otrf) + "]")));

        var read = Reading.Of(zip);

        Assert.Empty(read.Warnings);
        var evtxCount = EvtxFile.ReadEvents(Evtx).Count();
        Assert.Equal(["a/first.jsonl", "m/middle.json", "z/last.evtx"], read.Records.Select(r => r.Entry).Distinct());
        Assert.Equal(3 + 3 + evtxCount, read.Records.Count);
        Assert.Equal(EvtxFile.ReadEvents(Evtx).Select(e => e.RecordId), read.Records.Where(r => r.Entry == "z/last.evtx").Select(r => r.Event.RecordId));
    }

    [Fact]
    public void An_unreadable_entry_is_reported_and_the_next_entry_is_read()
    {
        // Lines that differ from each other, so that the compressed data is long enough to damage.
        var otrf = string.Join("\n", Enumerable.Range(0, 200).Select(i =>
            $"{{\"SourceName\":\"S\",\"Channel\":\"Security\",\"Hostname\":\"pc\",\"EventID\":4625,\"Target\":\"{Guid.NewGuid()}\"}}"));
        var zip = Zip(("a.jsonl", Utf8(otrf)), ("b.zip", File.ReadAllBytes(Zip(("x.jsonl", Utf8(otrf))))), ("c.json", Utf8("plain text")), ("d.jsonl", Utf8(otrf)));
        // Damage the compressed data of the first entry, past its first records.
        var bytes = File.ReadAllBytes(zip);
        var start = 30 + "a.jsonl".Length;
        for (var i = start + 1000; i < start + 1400; i++)
            bytes[i] ^= 0x5a;
        File.WriteAllBytes(zip, bytes);

        var read = Reading.Of(zip);

        Assert.Equal(["a.jsonl", "b.zip", "c.json"], read.Warnings.Select(w => w.Entry).Distinct());
        Assert.Contains(read.Warnings, w => w.Entry == "b.zip" && w.Message.Contains("archive inside", StringComparison.Ordinal));
        Assert.Contains(read.Warnings, w => w.Entry == "c.json" && w.Message.Contains("not EVTX, JSON", StringComparison.Ordinal));
        Assert.Equal(200, read.Records.Count(r => r.Entry == "d.jsonl"));
        Assert.InRange(read.Records.Count(r => r.Entry == "a.jsonl"), 0, 199);
    }

    [Fact]
    public void A_file_that_only_starts_like_a_zip_is_an_error_naming_it()
    {
        var fake = _temp.Write("fake.zip", [.. "PK\u0003\u0004"u8, .. new byte[100]]);

        var ex = Assert.Throws<InputFormatException>(() => new EventFileReader().Read(fake).ToList());

        Assert.Contains(fake, ex.Message, StringComparison.Ordinal);
        Assert.Contains("zip archive", ex.Message, StringComparison.Ordinal);
    }

    private string Zip(params (string Name, byte[] Content)[] entries)
    {
        var path = _temp.Combine(Guid.NewGuid().ToString("N") + ".zip");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(content);
        }

        return path;
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
