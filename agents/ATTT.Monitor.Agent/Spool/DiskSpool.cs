using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Spool;

/// <summary>
/// The disk queue between reading and sending (docs/spool.md): batches appended to segment files,
/// read back oldest first, removed once acknowledged. Bounded: when full, the oldest segments go
/// and their unacknowledged events are reported through <c>onDropped</c> before the files are deleted.
/// Thread-safe: one reader loop appends while one sender loop peeks and acknowledges.
/// </summary>
internal sealed class DiskSpool : IDisposable
{
    private const string Extension = ".seg";
    private readonly string _directory;
    private readonly SpoolOptions _options;
    private readonly Action<long> _onDropped;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly LinkedList<SpoolEntry> _pending = new();
    private readonly SortedDictionary<long, SegmentState> _segments = new();
    private readonly AsyncSignal _changed = new();
    private FileStream _active;
    private long _activeSegment;
    private long _totalBytes;
    private long _inFlight;

    private DiskSpool(string directory, SpoolOptions options, Action<long> onDropped, ILogger logger)
    {
        _directory = directory;
        _options = options;
        _onDropped = onDropped;
        _logger = logger;
        _active = null!;
    }

    /// <summary>Highest sequence number the spool holds (acknowledged or not), 0 when empty.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Source position after the batch with <see cref="LastSequence"/>.</summary>
    public string? LastPosition { get; private set; }

    /// <summary>Completes when a batch was appended or acknowledged after it was taken.</summary>
    public Task Changed => _changed.Current;

    public static DiskSpool Open(string directory, SpoolOptions options, long ackedSequence, Action<long> onDropped, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var spool = new DiskSpool(directory, options, onDropped, logger);
        spool.Load(ackedSequence);
        return spool;
    }

    /// <summary>Reads the spool folder without changing it (for <c>status</c> while the agent runs).</summary>
    public static SpoolStatistics ReadStatistics(string directory, long ackedSequence)
    {
        long events = 0, batches = 0, bytes = 0, last = 0;
        if (!Directory.Exists(directory))
            return new SpoolStatistics(0, 0, 0, 0);
        foreach (var (segment, path) in ListSegments(directory))
        {
            var scan = SegmentScanner.Scan(path, segment);
            bytes += scan.FileLength;
            foreach (var e in scan.Entries)
            {
                last = Math.Max(last, e.Sequence);
                if (e.Sequence <= ackedSequence)
                    continue;
                events += e.EventCount;
                batches++;
            }
        }

        return new SpoolStatistics(events, batches, bytes, last);
    }

    public SpoolStatistics Statistics
    {
        get
        {
            lock (_gate)
                return new SpoolStatistics(_pending.Sum(e => (long)e.EventCount), _pending.Count, _totalBytes, LastSequence);
        }
    }

    /// <summary>Appends one batch; returns once it is on disk (flushed to the device when so configured).</summary>
    public void Append(long sequence, int eventCount, string? position, ReadOnlySpan<byte> eventsJson, IReadOnlyList<Events.Wire.ChannelLoss>? losses = null)
    {
        var frame = SpoolFrame.Encode(sequence, eventCount, position, eventsJson,
            losses is { Count: > 0 } ? Events.Wire.EventWireWriter.SerializeLosses(losses) : default);
        lock (_gate)
        {
            if (frame.Length > _options.MaxBytes)
            {
                _logger.LogError("Batch {Seq} ({Bytes} bytes) is larger than the whole spool; its {Count} events are dropped.", sequence, frame.Length, eventCount);
                _onDropped(eventCount);
                return;
            }

            if (_active.Length > 0 && _active.Length + frame.Length > SegmentLimit)
                Rotate();
            while (_totalBytes + frame.Length > _options.MaxBytes && _segments.Count > 1)
                EvictOldest();
            if (_totalBytes + frame.Length > _options.MaxBytes)
            {
                // Only the active segment is left and it is still too big: start afresh.
                Rotate();
                EvictOldest();
            }

            var offset = _active.Length;
            _active.Position = offset;
            _active.Write(frame);
            _active.Flush(flushToDisk: _options.FsyncEveryBatch);
            _totalBytes += frame.Length;
            var state = _segments[_activeSegment];
            state.Bytes += frame.Length;
            state.Pending++;
            _pending.AddLast(new SpoolEntry(sequence, eventCount, _activeSegment, offset, frame.Length, position));
            LastSequence = Math.Max(LastSequence, sequence);
            LastPosition = position;
        }

        _changed.Set();
    }

    /// <summary>The oldest unacknowledged batch, read from disk; it stays in the spool until acknowledged.</summary>
    public bool TryPeekOldest(out SpooledBatch? batch)
    {
        lock (_gate)
        {
            batch = null;
            while (_pending.First is { } node)
            {
                var entry = node.Value;
                var read = ReadEntry(entry);
                if (read is not null)
                {
                    _inFlight = entry.Sequence;
                    batch = read;
                    return true;
                }

                // Damaged on disk after it was written (bad sector, tampering): report it as dropped.
                _logger.LogError("Spool batch {Seq} could not be read back; its {Count} events are counted as dropped.", entry.Sequence, entry.EventCount);
                _onDropped(entry.EventCount);
                RemoveFirst();
            }

            return false;
        }
    }

    /// <summary>Forgets every batch up to <paramref name="sequence"/> and deletes segments left empty.</summary>
    public void MarkAcknowledged(long sequence)
    {
        lock (_gate)
        {
            while (_pending.First is { } node && node.Value.Sequence <= sequence)
                RemoveFirst();
            if (_inFlight <= sequence)
                _inFlight = 0;
            if (_pending.Count == 0 && _active.Length > 0)
                EmptyActive();
            DeleteFinishedSegments();
        }

        _changed.Set();
    }

    public void Dispose()
    {
        lock (_gate)
            _active.Dispose();
    }

    private void RemoveFirst()
    {
        var entry = _pending.First!.Value;
        _pending.RemoveFirst();
        if (_segments.TryGetValue(entry.Segment, out var state))
            state.Pending--;
    }

    private void DeleteFinishedSegments()
    {
        foreach (var (segment, state) in _segments.ToList())
        {
            if (segment == _activeSegment || state.Pending > 0)
                continue;
            File.Delete(SegmentPath(segment));
            _totalBytes -= state.Bytes;
            _segments.Remove(segment);
        }
    }

    private void EvictOldest()
    {
        var (segment, state) = _segments.First();
        long dropped = 0;
        for (var node = _pending.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Segment == segment)
            {
                // The batch being sent right now is not lost: the sender holds it and will get its ack.
                if (node.Value.Sequence != _inFlight)
                    dropped += node.Value.EventCount;
                _pending.Remove(node);
            }

            node = next;
        }

        // The count is made durable before the events are gone, so a crash cannot hide the loss.
        if (dropped > 0)
            _onDropped(dropped);
        _logger.LogWarning("Spool full ({Max} bytes): oldest segment {Segment} removed, {Dropped} unsent events dropped.", _options.MaxBytes, segment, dropped);
        File.Delete(SegmentPath(segment));
        _totalBytes -= state.Bytes;
        _segments.Remove(segment);
    }

    /// <summary>
    /// Everything sent: the active segment's disk space is freed now by emptying it, and the next batch
    /// is written at its start. Emptying the file costs one call where closing it, opening a new one and
    /// deleting the old cost about ten, once a second on a busy PC. Should a power cut bring old
    /// acknowledged frames back, <see cref="Load"/> skips them by their sequence numbers.
    /// </summary>
    private void EmptyActive()
    {
        var state = _segments[_activeSegment];
        _active.SetLength(0);
        _totalBytes -= state.Bytes;
        state.Bytes = 0;
    }

    private void Rotate()
    {
        _active.Dispose();
        OpenActive(_activeSegment + 1);
        DeleteFinishedSegments();
    }

    private void OpenActive(long segment)
    {
        _activeSegment = segment;
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.Read | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = State.AtomicFile.OwnerOnly;
        _active = new FileStream(SegmentPath(segment), options);
        if (!_segments.ContainsKey(segment))
            _segments[segment] = new SegmentState { Bytes = _active.Length };
    }

    private SpooledBatch? ReadEntry(SpoolEntry entry)
    {
        try
        {
            var frame = new byte[entry.FrameLength];
            if (entry.Segment == _activeSegment)
            {
                _active.Position = entry.Offset;
                _active.ReadExactly(frame);
            }
            else
            {
                using var stream = new FileStream(SegmentPath(entry.Segment), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.Position = entry.Offset;
                stream.ReadExactly(frame);
            }

            if (!SpoolFrame.TryReadHeader(frame, out var length, out var crc) || length != frame.Length - SpoolFrame.HeaderSize)
                return null;
            var payload = frame.AsMemory(SpoolFrame.HeaderSize);
            if (!SpoolFrame.TryDecode(payload.Span, crc, out var seq, out var count, out var position, out var eventsOffset, out var losses) || seq != entry.Sequence)
                return null;
            var lossesJson = payload[losses];
            return new SpooledBatch(seq, count, position, payload[eventsOffset..],
                lossesJson.IsEmpty ? null : Events.Wire.EventWireReader.ReadLosses(lossesJson.Span));
        }
        catch (IOException ex)
        {
            _logger.LogError(ex, "Reading spool segment {Segment} failed.", entry.Segment);
            return null;
        }
        catch (Events.Wire.WireFormatException ex)
        {
            _logger.LogError("Spool batch {Seq}: its channel losses cannot be read ({Reason}).", entry.Sequence, ex.Message);
            return null;
        }
    }

    private void Load(long ackedSequence)
    {
        var segments = ListSegments(_directory);
        for (var i = 0; i < segments.Count; i++)
        {
            var (segment, path) = segments[i];
            var scan = SegmentScanner.Scan(path, segment);
            var isTail = i == segments.Count - 1;
            if (scan.ValidLength < scan.FileLength)
            {
                _logger.LogWarning("Spool segment {Path}: damaged record at byte {Offset} (torn write?); the {Bytes} bytes after it are skipped.",
                    path, scan.ValidLength, scan.FileLength - scan.ValidLength);
                if (isTail)
                {
                    using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None);
                    truncate.SetLength(scan.ValidLength);
                    truncate.Flush(flushToDisk: true);
                }
            }

            var state = new SegmentState { Bytes = isTail ? scan.ValidLength : scan.FileLength };
            foreach (var entry in scan.Entries)
            {
                if (entry.Sequence > LastSequence)
                {
                    LastSequence = entry.Sequence;
                    LastPosition = entry.Position;
                }

                if (entry.Sequence <= ackedSequence)
                    continue;
                _pending.AddLast(entry);
                state.Pending++;
            }

            _segments[segment] = state;
            _totalBytes += state.Bytes;
        }

        OpenActive(segments.Count == 0 ? 1 : segments[^1].Segment);
        DeleteFinishedSegments();
    }

    // Several segments must fit in the spool, or dropping "the oldest" would drop nearly everything.
    private long SegmentLimit => Math.Max(1, Math.Min(_options.SegmentBytes, _options.MaxBytes / 4));

    private string SegmentPath(long segment) =>
        Path.Combine(_directory, segment.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    private static List<(long Segment, string Path)> ListSegments(string directory)
    {
        var list = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                list.Add((n, path));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    private sealed class SegmentState
    {
        public long Bytes { get; set; }
        public int Pending { get; set; }
    }
}
