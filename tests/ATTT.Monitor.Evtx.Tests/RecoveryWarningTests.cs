using System.Buffers.Binary;
using ATTT.Monitor.Evtx.Tests.Support;

namespace ATTT.Monitor.Evtx.Tests;

/// <summary>
/// A deleted record found in chunk slack whose content cannot be read is reported like any other
/// damage (file, chunk, offset), not dropped in silence.
/// </summary>
public sealed class RecoveryWarningTests
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;

    [Fact]
    public void A_deleted_record_that_fails_to_parse_is_reported_with_file_chunk_and_offset()
    {
        var options = new EvtxReadOptions { RecoverDeleted = true };
        // Intact, it is recovered and nothing is said about it.
        var (sample, bytes, chunk, offset, recordId) = SlackRecords().First(candidate =>
        {
            var intactWarnings = new List<EvtxWarning>();
            using var intact = new MemoryStream(candidate.Bytes);
            var recovered = EvtxFile.ReadDocuments(intact, "slack.evtx", options, intactWarnings.Add)
                .Any(d => d.Recovered && d.RecordId == candidate.RecordId);
            return recovered && !intactWarnings.Any(w => w.Offset == candidate.Offset);
        });

        // An unknown binary XML token where its content starts: the record cannot be expanded.
        var damaged = (byte[])bytes.Clone();
        damaged[offset + 24] = 0x3f;
        var warnings = new List<EvtxWarning>();
        using var stream = new MemoryStream(damaged);
        var documents = EvtxFile.ReadDocuments(stream, "slack.evtx", options, warnings.Add).ToList();

        Assert.DoesNotContain(documents, d => d.Recovered && d.RecordId == recordId);
        var warning = Assert.Single(warnings, w => w.Offset == offset);
        Assert.Equal("slack.evtx", warning.File);
        Assert.Equal(chunk, warning.Chunk);
        Assert.Contains($"deleted record {recordId}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("0x3f", warning.Message, StringComparison.Ordinal);
        Assert.True(documents.Count(d => !d.Recovered) == EvtxFile.ReadDocuments(sample).Count(), "live records must not be affected");
    }

    /// <summary>The first record in the slack of each chunk of the real samples: signature, size and size copy intact.</summary>
    private static IEnumerable<(string Sample, byte[] Bytes, int Chunk, long Offset, long RecordId)> SlackRecords()
    {
        foreach (var sample in SharedData.EvtxFiles(SharedData.AttackSamples).Where(f => new FileInfo(f).Length < 2_000_000))
        {
            var bytes = File.ReadAllBytes(sample);
            for (var (c, start) = (0, HeaderSize); start + ChunkSize <= bytes.Length; c++, start += ChunkSize)
            {
                var chunk = bytes.AsSpan(start, ChunkSize);
                if (!chunk[..8].SequenceEqual("ElfChnk\0"u8))
                    continue;
                var free = BinaryPrimitives.ReadInt32LittleEndian(chunk[48..]);
                if (free < 512 || free >= ChunkSize)
                    continue;
                var found = chunk[free..].IndexOf((ReadOnlySpan<byte>)[0x2a, 0x2a, 0, 0]);
                if (found < 0)
                    continue;
                var pos = free + found;
                var size = BinaryPrimitives.ReadInt32LittleEndian(chunk[(pos + 4)..]);
                if (size < 32 || size > ChunkSize - pos || BinaryPrimitives.ReadInt32LittleEndian(chunk[(pos + size - 4)..]) != size)
                    continue;
                yield return (sample, bytes, c, start + pos, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(start + pos + 8)));
            }
        }
    }
}
