using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.Tests.Support;

namespace ATTT.Monitor.Agent.Tests.Spool;

public sealed class DiskSpoolTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SpoolBuilder _builder;

    public DiskSpoolTests() => _builder = new SpoolBuilder(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Batches_come_back_oldest_first_and_go_once_acknowledged()
    {
        using var spool = _builder.Open();
        for (var seq = 1; seq <= 3; seq++)
            spool.Append(seq, 1, $"pos{seq}", SpoolBuilder.Events(seq));

        Assert.True(spool.TryPeekOldest(out var first));
        Assert.Equal(1, first!.Sequence);
        Assert.Equal("pos1", first.Position);
        Assert.Contains("\"seq\":1", SpoolBuilder.Text(first));
        spool.MarkAcknowledged(1);
        Assert.True(spool.TryPeekOldest(out var second));
        Assert.Equal(2, second!.Sequence);
        Assert.Equal(2, spool.Statistics.DepthBatches);
        spool.MarkAcknowledged(3);
        Assert.False(spool.TryPeekOldest(out _));
        Assert.Equal(3, spool.LastSequence);
        Assert.Equal("pos3", spool.LastPosition);
    }

    [Fact]
    public void A_restart_keeps_unacknowledged_batches_with_their_sequence_numbers()
    {
        using (var spool = _builder.Open())
        {
            for (var seq = 1; seq <= 5; seq++)
                spool.Append(seq, 2, $"pos{seq}", SpoolBuilder.Events(seq));
        }

        using var reopened = _builder.Open(acked: 2);
        Assert.Equal(5, reopened.LastSequence);
        Assert.Equal("pos5", reopened.LastPosition);
        Assert.Equal(6, reopened.Statistics.DepthEvents);
        Assert.True(reopened.TryPeekOldest(out var batch));
        Assert.Equal(3, batch!.Sequence);
        Assert.Contains("\"seq\":3", SpoolBuilder.Text(batch));
    }

    [Fact]
    public void A_torn_write_at_the_tail_is_skipped_and_appending_goes_on()
    {
        using (var spool = _builder.Open())
        {
            spool.Append(1, 1, "p1", SpoolBuilder.Events(1));
            spool.Append(2, 1, "p2", SpoolBuilder.Events(2));
        }

        var segment = Directory.GetFiles(_temp.Path, "*.seg").Single();
        var intact = new FileInfo(segment).Length;
        using (var stream = new FileStream(segment, FileMode.Append))
        {
            // Half of a third frame: what a power cut in the middle of a write leaves.
            var frame = SpoolFrame.Encode(3, 1, "p3", SpoolBuilder.Events(3));
            stream.Write(frame, 0, frame.Length / 2);
        }

        using (var spool = _builder.Open())
        {
            Assert.Equal(2, spool.LastSequence);
            Assert.Equal("p2", spool.LastPosition);
            Assert.Equal(intact, new FileInfo(segment).Length);
            spool.Append(3, 1, "p3", SpoolBuilder.Events(3));
        }

        using var again = _builder.Open(acked: 2);
        Assert.True(again.TryPeekOldest(out var batch));
        Assert.Equal(3, batch!.Sequence);
        Assert.Contains("\"seq\":3", SpoolBuilder.Text(batch));
    }

    [Fact]
    public void A_frame_whose_crc_does_not_match_is_not_returned()
    {
        using (var spool = _builder.Open())
        {
            spool.Append(1, 1, "p1", SpoolBuilder.Events(1));
            spool.Append(2, 1, "p2", SpoolBuilder.Events(2));
        }

        var segment = Directory.GetFiles(_temp.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[^5] ^= 0x20;
        File.WriteAllBytes(segment, bytes);

        using var reopened = _builder.Open();
        Assert.Equal(1, reopened.LastSequence);
        Assert.Equal(1, reopened.Statistics.DepthBatches);
    }

    [Fact]
    public void A_full_spool_drops_the_oldest_events_counts_them_and_stays_within_its_bound()
    {
        _builder.Options.MaxBytes = 16 * 1024;
        _builder.Options.SegmentBytes = 2048;
        using var spool = _builder.Open();
        for (var seq = 1; seq <= 100; seq++)
            spool.Append(seq, 3, $"p{seq}", SpoolBuilder.Events(seq, padding: 300));

        var stats = spool.Statistics;
        Assert.True(stats.DepthBytes <= _builder.Options.MaxBytes, $"{stats.DepthBytes} bytes on disk");
        Assert.True(_builder.Dropped > 0);
        Assert.Equal(300, _builder.Dropped + stats.DepthEvents);
        var onDisk = Directory.GetFiles(_temp.Path, "*.seg").Sum(f => new FileInfo(f).Length);
        Assert.Equal(stats.DepthBytes, onDisk);
        Assert.True(spool.TryPeekOldest(out var oldest));
        Assert.True(oldest!.Sequence > 1);
        Assert.Equal(100, spool.LastSequence);
    }

    [Fact]
    public void The_batch_being_sent_is_not_counted_as_dropped_when_its_segment_is_evicted()
    {
        _builder.Options.MaxBytes = 8 * 1024;
        _builder.Options.SegmentBytes = 1024;
        using var spool = _builder.Open();
        spool.Append(1, 5, "p1", SpoolBuilder.Events(1, padding: 600));
        Assert.True(spool.TryPeekOldest(out var inFlight));
        for (var seq = 2; seq <= 40; seq++)
            spool.Append(seq, 1, $"p{seq}", SpoolBuilder.Events(seq, padding: 600));
        spool.MarkAcknowledged(inFlight!.Sequence);

        Assert.Equal(39, _builder.Dropped + spool.Statistics.DepthEvents);
    }

    [Fact]
    public void Once_everything_is_acknowledged_the_active_segment_is_emptied_and_written_again_from_its_start()
    {
        string segment;
        byte[] before;
        using (var spool = _builder.Open())
        {
            for (var seq = 1; seq <= 3; seq++)
                spool.Append(seq, 1, $"p{seq}", SpoolBuilder.Events(seq));
            segment = Directory.GetFiles(_temp.Path, "*.seg").Single();
            before = File.ReadAllBytes(segment);

            spool.MarkAcknowledged(3);

            Assert.Equal(segment, Directory.GetFiles(_temp.Path, "*.seg").Single());
            Assert.Equal(0, new FileInfo(segment).Length);
            Assert.Equal(0, spool.Statistics.DepthBytes);
            spool.Append(4, 2, "p4", SpoolBuilder.Events(4));
        }

        // A power cut may bring back what the emptied file held after the new frame: it is skipped.
        var after = File.ReadAllBytes(segment);
        File.WriteAllBytes(segment, [.. after, .. before.AsSpan(after.Length)]);
        using var reopened = _builder.Open(acked: 3);
        Assert.True(reopened.TryPeekOldest(out var batch));
        Assert.Equal(4, batch!.Sequence);
        Assert.Equal(1, reopened.Statistics.DepthBatches);
        Assert.Equal(4, reopened.LastSequence);
        Assert.Equal(0, _builder.Dropped);
    }

    [Fact]
    public void Acknowledged_segments_are_deleted_from_disk()
    {
        using var spool = _builder.Open();
        for (var seq = 1; seq <= 60; seq++)
            spool.Append(seq, 1, $"p{seq}", SpoolBuilder.Events(seq));
        Assert.True(Directory.GetFiles(_temp.Path, "*.seg").Length > 2);

        spool.MarkAcknowledged(60);

        Assert.Single(Directory.GetFiles(_temp.Path, "*.seg"));
        Assert.Equal(0, _builder.Dropped);
    }

    [Fact]
    public void Statistics_read_from_disk_match_the_open_spool()
    {
        using var spool = _builder.Open();
        for (var seq = 1; seq <= 10; seq++)
            spool.Append(seq, 4, $"p{seq}", SpoolBuilder.Events(seq));
        spool.MarkAcknowledged(4);

        var fromDisk = DiskSpool.ReadStatistics(_temp.Path, ackedSequence: 4);

        Assert.Equal(24, fromDisk.DepthEvents);
        Assert.Equal(6, fromDisk.DepthBatches);
        Assert.Equal(10, fromDisk.LastSequence);
    }
}
