using System.IO.Compression;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary>
/// <c>replay:PATH</c> takes any mix of the formats the field has, each file read by what it holds;
/// <c>jsonl:PATH</c> reads every JSON shape, OTRF zips included. Positions resume inside archives.
/// </summary>
public sealed class ReplaySourceTests : IDisposable
{
    private static readonly string Otrf = Path.Combine(SharedData.Root, "datasets", "otrf", "LSASS_campaign_02.zip");
    private static readonly string Evtx = SharedData.AttackSample("Command and Control", "DE_RDP_Tunnel_5156.evtx");
    private readonly TempDirectory _folder = new();
    private readonly RecordingLogger _log = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_folder_of_mixed_formats_is_replayed_file_by_file_in_name_order()
    {
        File.Copy(Evtx, _folder.Combine("a.evtx"));
        File.WriteAllLines(_folder.Combine("b.jsonl"), [JsonlEvents.Line(1), JsonlEvents.Line(2)]);
        Directory.CreateDirectory(_folder.Combine("c"));
        using (var archive = ZipFile.Open(_folder.Combine("c", "d.zip"), ZipArchiveMode.Create))
            archive.CreateEntryFromFile(Evtx, "inner/x.evtx");
        File.WriteAllText(_folder.Combine("e.yaml"), "title: not an input");

        var events = Read("replay", null);

        var evtx = EvtxFile.ReadEvents(Evtx).Count();
        Assert.Equal(evtx + 2 + evtx, events.Count);
        Assert.Equal(["a.evtx", "b.jsonl", "c/d.zip"], events.Select(e => Position(e).File).Distinct());
        Assert.All(events.Where(e => Position(e).File == "c/d.zip"), e => Assert.Equal("inner/x.evtx", Position(e).Entry));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void An_otrf_zip_replays_to_its_end_and_resumes_inside_it()
    {
        File.Copy(Otrf, _folder.Combine("campaign.zip"));
        var lines = LinesIn(Otrf);

        var all = Read("jsonl", null);
        var cut = all.Count / 3;
        var rest = Read("jsonl", all[cut - 1].Position.Serialize());

        Assert.Equal(lines, all.Count);
        Assert.Empty(_log.Entries);
        Assert.Equal("metasploit_procdump_lsass_memory_dump.json", Position(all[0]).Entry);
        Assert.Equal(all.Count - cut, rest.Count);
        Assert.Equal(all.Skip(cut).Select(Position), rest.Select(Position));
        Assert.Equal(all[cut].Event.TimeCreated, rest[0].Event.TimeCreated);
    }

    [Fact]
    public void A_position_saved_without_an_entry_reads_as_before()
    {
        var saved = new ReplayPosition("a.jsonl", 3).Serialize();

        Assert.Equal("{\"file\":\"a.jsonl\",\"records\":3}", saved);
        Assert.Equal(new ReplayPosition("x.zip", 7, "in/y.json"), ReplayPosition.Parse(new ReplayPosition("x.zip", 7, "in/y.json").Serialize()));
    }

    [Fact]
    public void A_lone_surrogate_in_a_line_is_replaced_and_the_event_kept()
    {
        var line = JsonlEvents.Line(1).Replace("\"LogonType\":3", "\"TargetUserName\":\"adm\\ud800in\"", StringComparison.Ordinal);
        File.WriteAllLines(_folder.Combine("a.jsonl"), [line, JsonlEvents.Line(2)]);

        var events = Read("jsonl", null);

        Assert.Equal([1L, 2L], events.Select(e => e.Event.RecordId));
        Assert.True(events[0].Event.TryGetField("TargetUserName", out var name));
        Assert.Equal("adm\uFFFDin", name);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void A_file_in_no_known_format_is_logged_and_the_others_are_read()
    {
        File.WriteAllText(_folder.Combine("a.json"), "these are notes, not events");
        File.WriteAllLines(_folder.Combine("b.jsonl"), [JsonlEvents.Line(1)]);

        var events = Read("replay", null);

        Assert.Equal([1L], events.Select(e => e.Event.RecordId));
        var error = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("a.json", error.Message, StringComparison.Ordinal);
    }

    internal static int LinesIn(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries.Single().Open());
        var lines = 0;
        while (reader.ReadLine() is { Length: > 0 })
            lines++;
        return lines;
    }

    private static ReplayPosition Position(SourcedEvent e) => (ReplayPosition)e.Position;

    private List<SourcedEvent> Read(string kind, string? resume)
    {
        var settings = new ATTT.Monitor.Agent.Configuration.AgentSettings { Source = $"{kind}:{_folder.Path}" };
        return SourceReading.ReadAll(SourceFactory.Create(settings, _log), resume);
    }
}
