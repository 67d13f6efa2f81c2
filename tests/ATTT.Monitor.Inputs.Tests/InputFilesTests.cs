using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs.Tests.Support;

namespace ATTT.Monitor.Inputs.Tests;

/// <summary>A file is read by what it holds, not by its name; a folder contributes the files named as inputs, in a stable order.</summary>
public sealed class InputFilesTests : IDisposable
{
    private static readonly string Evtx = SharedData.AttackSample("Execution", "Sysmon_Exec_CompiledHTML.evtx");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_content_decides_not_the_name()
    {
        var evtxNamedJson = _temp.Write("really-evtx.json", File.ReadAllBytes(Evtx));
        var jsonNamedEvtx = _temp.Write("really-json.evtx", FormatWriters.Otrf(EvtxFile.ReadEvents(Evtx).First()));
        var jsonNamedTxt = _temp.Write("export.txt", FormatWriters.Winlogbeat(EvtxFile.ReadEvents(Evtx).First()));

        Assert.Equal(InputFileKind.Evtx, InputFiles.Detect(evtxNamedJson));
        Assert.Equal(InputFileKind.Json, InputFiles.Detect(jsonNamedEvtx));
        Assert.Equal(EvtxFile.ReadEvents(Evtx).Count(), Reading.Of(evtxNamedJson).Records.Count);
        var expected = EvtxFile.ReadEvents(Evtx).First().Fields.Select(f => (f.Name, f.Value));
        Assert.Equal(expected, Reading.Of(jsonNamedEvtx).Events.Single().Fields.Select(f => (f.Name, f.Value)));
        Assert.Equal(expected, Reading.Of(jsonNamedTxt).Events.Single().Fields.Select(f => (f.Name, f.Value)));
    }

    [Fact]
    public void An_evtx_file_whose_header_is_damaged_is_still_read_from_its_chunks()
    {
        var bytes = File.ReadAllBytes(Evtx);
        bytes.AsSpan(0, 8).Clear();
        var damaged = _temp.Write("damaged.evtx", bytes);

        var read = Reading.Of(damaged);

        Assert.Equal(InputFileKind.Evtx, InputFiles.Detect(damaged));
        Assert.Equal(EvtxFile.ReadEvents(Evtx).Count(), read.Records.Count);
        Assert.Contains(read.Warnings, w => w.Kind == InputWarningKind.Damage && w.Message.Contains("header", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_lists_the_files_of_the_kinds_asked_for_recursively_in_ordinal_order()
    {
        foreach (var name in new[] { "b.evtx", "a/z.jsonl", "a/y.JSON", "c.ndjson", "d.zip", "notes.txt", "campaign.yaml", "B.evtx" })
            _temp.Write(name, "x");

        Assert.Equal(["B.evtx", "a/y.JSON", "a/z.jsonl", "b.evtx", "c.ndjson", "d.zip"], InputFiles.List(_temp.Path, InputKinds.All).Select(f => f.Relative));
        Assert.Equal(["B.evtx", "b.evtx"], InputFiles.List(_temp.Path, InputKinds.Evtx).Select(f => f.Relative));
        Assert.Equal(["a/y.JSON", "a/z.jsonl", "c.ndjson", "d.zip"], InputFiles.List(_temp.Path, InputKinds.Json | InputKinds.Zip).Select(f => f.Relative));
        Assert.Equal(_temp.Combine("a", "z.jsonl"), InputFiles.List(_temp.Path, InputKinds.Json)[1].Path);
        var single = Assert.Single(InputFiles.List(_temp.Combine("notes.txt"), InputKinds.Evtx));
        Assert.Equal("notes.txt", single.Relative);
    }

    [Fact]
    public void A_missing_path_is_named()
    {
        var missing = _temp.Combine("no", "such", "place");

        var ex = Assert.Throws<FileNotFoundException>(() => InputFiles.List(missing, InputKinds.All));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }
}
