using System.Collections.Concurrent;
using System.Text;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests;

/// <summary>
/// Without recovery of deleted records a chunk is read only up to its free space, and the rest when
/// a record reaches past it. That must never change what is read: the same records, renderings and
/// warnings as reading every chunk whole, for intact and damaged files (damaged records point
/// anywhere in the chunk, also past its free space).
/// </summary>
public sealed class PartialChunkReadTests
{
    [Fact]
    public void Reading_up_to_the_free_space_gives_what_reading_whole_chunks_gives()
    {
        var problems = new ConcurrentBag<string>();
        var variants = 0;
        Parallel.ForEach(CorruptionTests.Samples(), new ParallelOptions { MaxDegreeOfParallelism = 2 }, (sample, _, index) =>
        {
            var original = File.ReadAllBytes(sample);
            foreach (var (name, bytes) in CorruptionCorpus.Variants(original, seed: 100 + (int)index).Prepend(("intact", original)))
            {
                Interlocked.Increment(ref variants);
                var partial = Render(bytes, wholeChunks: false);
                var whole = Render(bytes, wholeChunks: true);
                if (partial != whole)
                    problems.Add($"{Path.GetFileName(sample)} ({name}): partial reading differs from whole chunks");
            }
        });
        Report.NoProblems(problems, $"differences in {variants} files");
    }

    private static string Render(byte[] bytes, bool wholeChunks)
    {
        var text = new StringBuilder();
        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            var options = new EvtxReadOptions { ReadWholeChunks = wholeChunks };
            void Warn(EvtxWarning w) => text.Append("warning ").Append(w.Chunk).Append(' ').Append(w.Offset).Append(' ').AppendLine(w.Message);
            foreach (var d in EvtxFile.ReadDocuments(stream, "sample", options, Warn))
                text.AppendLine(d.ToJson()).AppendLine(d.ToXml());
            foreach (var e in EvtxFile.ReadEvents(stream, "sample", options, Warn))
                text.Append(e.RecordId).Append(' ').Append(e.EventId).Append(' ').AppendJoin('|', e.Fields).AppendLine();
        }
        catch (EvtxFormatException ex)
        {
            text.AppendLine(ex.Message);
        }

        return text.ToString();
    }
}
