using System.Collections.Concurrent;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests;

/// <summary>Record counts equal those of two independent parsers on every shared .evtx file.</summary>
public sealed class OracleCountTests
{
    [Fact]
    public void Counts_equal_evtxexport_on_every_shared_file()
    {
        var files = SharedData.AllEvtxFiles();
        Assert.True(files.Count > 400, $"expected the shared corpus, found {files.Count} files");
        var mismatches = new ConcurrentBag<string>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, file =>
        {
            var expected = OracleTools.EvtxexportRecordIds(file).Count;
            var actual = EvtxFile.ReadEvents(file).Count();
            if (expected != actual)
                mismatches.Add($"{file}: evtxexport {expected}, ours {actual}");
        });
        Report.NoProblems(mismatches, "count mismatches");
    }

    [Fact]
    public void Counts_equal_python_evtx_on_every_shared_file()
    {
        var files = SharedData.AllEvtxFiles();
        var expected = OracleTools.PythonEvtxCounts(files);
        Assert.Equal(files.Count, expected.Count);
        var mismatches = files
            .Select(f => (File: f, Expected: expected[f], Actual: EvtxFile.ReadEvents(f).Count()))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"{x.File}: python-evtx {x.Expected}, ours {x.Actual}")
            .ToList();
        Report.NoProblems(mismatches, "count mismatches");
    }

    [Fact]
    public void Recovery_finds_every_deleted_record_that_evtxexport_recovers()
    {
        var files = SharedData.EvtxFiles(SharedData.AttackSamples);
        var missing = new ConcurrentBag<string>();
        long theirs = 0, ours = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, file =>
        {
            var expected = OracleTools.EvtxexportRecordIds(file, "recovered");
            // evtxexport numbers records by their header identifier, which EvtxDocument.RecordId carries
            // (exported logs renumber headers but keep System/EventRecordID).
            var recovered = EvtxFile.ReadDocuments(file, new EvtxReadOptions { RecoverDeleted = true })
                .Where(d => d.Recovered).Select(d => d.RecordId).ToHashSet();
            Interlocked.Add(ref theirs, expected.Count);
            Interlocked.Add(ref ours, recovered.Count);
            foreach (var id in expected.Where(id => !recovered.Contains(id)))
                missing.Add($"{file}: record {id}");
        });
        Report.NoProblems(missing, "recovered records missing");
        Assert.True(theirs > 2000, $"evtxexport recovered only {theirs} records from the attack samples");
        Assert.True(ours >= theirs, $"ours {ours} < evtxexport {theirs}");
    }

    [Fact]
    public void Without_recovery_no_record_is_marked_recovered()
    {
        foreach (var file in SharedData.EvtxFiles(SharedData.AttackSamples).Take(40))
            Assert.DoesNotContain(EvtxFile.ReadEvents(file), e => e.Recovered);
    }
}
