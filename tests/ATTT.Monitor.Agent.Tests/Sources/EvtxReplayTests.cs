using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Tests.Support;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary><c>evtx:PATH</c>: the .evtx files of a folder, in a stable order, resumed exactly; a file that is not EVTX costs only itself.</summary>
public sealed class EvtxReplayTests
{
    private static readonly string Folder = SharedData.AttackSample("Command and Control");

    [Fact]
    public void A_folder_is_replayed_in_full_in_a_stable_file_order()
    {
        var expected = Directory.GetFiles(Folder, "*.evtx", SearchOption.AllDirectories).Sum(f => EvtxFile.ReadEvents(f).LongCount());
        var source = new ReplaySource(Folder, InputKinds.Evtx, 0, NullLogger.Instance);

        var events = SourceReading.ReadAll(source, null);

        Assert.Equal(expected, events.Count);
        var files = events.Select(e => ((ReplayPosition)e.Position).File).Distinct().ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Resuming_after_a_position_yields_exactly_the_rest()
    {
        var source = new ReplaySource(Folder, InputKinds.Evtx, 0, NullLogger.Instance);
        var all = SourceReading.ReadAll(source, null);
        var cut = all.Count / 2;

        var rest = SourceReading.ReadAll(source, all[cut - 1].Position.Serialize());

        Assert.Equal(all.Skip(cut).Select(Key), rest.Select(Key));
    }

    [Fact]
    public void A_file_that_is_not_evtx_is_skipped_and_the_rest_still_read()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("a-broken.evtx"), "not an evtx file at all");
        var good = SharedData.AttackSample("Command and Control", "DE_RDP_Tunnel_5156.evtx");
        File.Copy(good, temp.Combine("b-good.evtx"));
        var source = new ReplaySource(temp.Path, InputKinds.Evtx, 0, NullLogger.Instance);

        var events = SourceReading.ReadAll(source, null);

        Assert.Equal(EvtxFile.ReadEvents(good).Count(), events.Count);
    }

    [Fact]
    public void A_missing_path_is_named()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => SourceReading.ReadAll(new ReplaySource("/no/such/place", InputKinds.Evtx, 0, NullLogger.Instance), null));
        Assert.Contains("/no/such/place", ex.Message, StringComparison.Ordinal);
    }

    private static (string, long) Key(SourcedEvent e) => (e.Event.Computer + e.Event.Channel, e.Event.RecordId);
}
