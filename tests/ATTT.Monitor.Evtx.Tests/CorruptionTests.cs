using System.Collections.Concurrent;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests;

/// <summary>
/// A corpus of damaged files made from real samples: the reader never throws anything but
/// <see cref="EvtxFormatException"/>, never hangs, never allocates without bound, and still
/// returns what can be read.
/// </summary>
public sealed class CorruptionTests
{
    /// <summary>A Sysmon, a Security, a PowerShell and a System log, of one to several chunks.</summary>
    internal static IReadOnlyList<string> Samples() =>
    [
        .. SharedData.EvtxFiles(SharedData.AttackSamples)
            .Where(f => new FileInfo(f).Length is > 60_000 and < 1_200_000)
            .Where((_, i) => i % 17 == 0)
            .Take(8),
    ];

    [Fact]
    public void Damaged_files_are_read_without_exceptions_hangs_or_unbounded_allocation()
    {
        var samples = Samples();
        Assert.True(samples.Count >= 5, "not enough samples");
        var problems = new ConcurrentBag<string>();
        var variants = 0;
        Parallel.ForEach(samples, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (sample, _, index) =>
        {
            var original = File.ReadAllBytes(sample);
            foreach (var (name, bytes) in CorruptionCorpus.Variants(original, seed: (int)index))
            {
                Interlocked.Increment(ref variants);
                if (SafeRead.Problem(bytes, $"{Path.GetFileName(sample)} ({name})") is { } problem)
                    problems.Add(problem);
            }
        });
        Report.NoProblems(problems, $"problems in {variants} damaged files");
    }

    [Fact]
    public void Records_before_and_after_a_zeroed_chunk_are_still_read()
    {
        var sample = SharedData.EvtxFiles(SharedData.AttackSamples).First(f => new FileInfo(f).Length > (4096 + (3 * 65536)));
        var original = File.ReadAllBytes(sample);
        var intact = EvtxFile.ReadEvents(sample).Count();
        var damaged = (byte[])original.Clone();
        Array.Clear(damaged, 4096 + 65536, 65536);
        using var stream = new MemoryStream(damaged);
        var read = EvtxFile.ReadEvents(stream, "zeroed").Count();
        Assert.InRange(read, 1, intact - 1);
    }

    [Fact]
    public void A_bad_record_in_the_middle_of_a_chunk_costs_that_record_only_and_is_reported()
    {
        var sample = Samples()[0];
        var original = File.ReadAllBytes(sample);
        var intact = EvtxFile.ReadEvents(sample).Count();
        var damaged = (byte[])original.Clone();
        // Break the signature of the third record of the first chunk.
        var offset = 4096 + 512;
        for (var i = 0; i < 2; i++)
            offset += BitConverter.ToInt32(damaged, offset + 4);
        damaged[offset] = 0x55;
        var warnings = new List<EvtxWarning>();
        using var stream = new MemoryStream(damaged);
        var read = EvtxFile.ReadEvents(stream, "bad-record", onWarning: warnings.Add).Count();
        Assert.Equal(intact - 1, read);
        var warning = Assert.Single(warnings, w => w.Message.Contains("damaged record", StringComparison.Ordinal));
        Assert.Equal(0, warning.Chunk);
        Assert.Equal("bad-record", warning.File);
        Assert.Equal(offset, warning.Offset);
    }

    [Fact]
    public void A_file_that_is_not_evtx_throws_the_typed_exception_naming_it()
    {
        using var stream = new MemoryStream("MZ this is a program, not an event log"u8.ToArray());
        var ex = Assert.Throws<EvtxFormatException>(() => EvtxFile.ReadEvents(stream, "program.exe").ToList());
        Assert.Contains("program.exe", ex.Message, StringComparison.Ordinal);
        using var empty = new MemoryStream();
        Assert.Throws<EvtxFormatException>(() => EvtxFile.ReadEvents(empty, "empty.evtx").ToList());
    }
}
