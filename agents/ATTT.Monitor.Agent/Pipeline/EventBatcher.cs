using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;


namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>
/// Reads the source and cuts batches into the spool: a batch is cut when full or after the flush
/// interval. Each batch gets its sequence number here, once, and carries the source position after
/// its last event, so a restart resumes right after what the spool already holds.
/// All of it runs on one thread of its own, which blocks in the source's read with the open batch's
/// deadline as the time limit: no timer, no queue and no thread pool hand-off per event or per pause
/// (on a PC sending 50 events a second those hand-offs cost more CPU than the events themselves,
/// docs/agent.md "Footprint"). A quiet PC's reading thread sleeps until an event comes.
/// </summary>
internal sealed class EventBatcher
{
    private readonly IEventSource _source;
    private readonly DiskSpool _spool;
    private readonly SequenceCounter _sequence;
    private readonly PipelineOptions _options;

    public EventBatcher(IEventSource source, DiskSpool spool, SequenceCounter sequence, PipelineOptions options)
    {
        _source = source;
        _spool = spool;
        _sequence = sequence;
        _options = options;
    }

    /// <summary>Events read so far; read it once <see cref="RunAsync"/>'s task has completed.</summary>
    public long EventsRead { get; private set; }

    /// <summary>
    /// Starts the reading thread. The task completes when a finite source has been read to its end
    /// and its last batch is in the spool, fails with the source's error, or is cancelled.
    /// </summary>
    public Task RunAsync(string? resumeAfter, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(resumeAfter, cancellationToken);
                done.TrySetResult();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "attt-agent reader",
        };
        thread.Start();
        return done.Task;
    }

    private void Run(string? resumeAfter, CancellationToken cancellationToken)
    {
        using var stream = _source.Open(resumeAfter);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        var clock = Stopwatch.StartNew();
        var count = 0;
        var open = false;
        var losses = new List<ChannelLoss>();
        ISourcePosition? position = null;
        var deadline = TimeSpan.Zero;
        while (true)
        {
            var left = deadline - clock.Elapsed;
            var wait = !open ? Timeout.InfiniteTimeSpan : left > TimeSpan.Zero ? left : TimeSpan.Zero;
            var read = stream.TryRead(wait, cancellationToken, out var item);
            // Losses found before this event (or while none came) go into the open batch, ahead of it.
            if (stream.TakeLosses() is { Count: > 0 } found)
            {
                Open(ref open);
                losses.AddRange(found);
            }

            if (read)
            {
                Open(ref open);
                EventWireWriter.WriteEvent(writer, item.Event);
                count++;
                EventsRead++;
                position = item.Position;
                if (count >= _options.MaxBatchEvents || writer.BytesPending + writer.BytesCommitted >= _options.MaxBatchBytes
                    || losses.Count >= ChannelLoss.MaxPerBatch)
                {
                    Cut(count, position?.Serialize() ?? resumeAfter, losses);
                    count = 0;
                    open = false;
                }
            }
            else if (stream.Ended)
            {
                if (open)
                    Cut(count, position?.Serialize() ?? resumeAfter, losses);
                return;
            }

            if (open && clock.Elapsed >= deadline)
            {
                Cut(count, position?.Serialize() ?? resumeAfter, losses);
                count = 0;
                open = false;
            }
        }

        void Open(ref bool isOpen)
        {
            if (isOpen)
                return;
            writer.WriteStartArray();
            deadline = clock.Elapsed + _options.FlushInterval;
            isOpen = true;
        }

        // A batch of losses alone keeps the position it started from: it moves no channel forward.
        void Cut(int events, string? at, List<ChannelLoss> found)
        {
            writer.WriteEndArray();
            writer.Flush();
            _spool.Append(_sequence.Next(), events, at, buffer.WrittenSpan, found.Count > 0 ? found.ToList() : null);
            found.Clear();
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
        }
    }
}
