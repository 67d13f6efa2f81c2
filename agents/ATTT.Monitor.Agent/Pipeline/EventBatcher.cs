using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Events.Wire;

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
        ISourcePosition? position = null;
        var deadline = TimeSpan.Zero;
        while (true)
        {
            var left = deadline - clock.Elapsed;
            var wait = count == 0 ? Timeout.InfiniteTimeSpan : left > TimeSpan.Zero ? left : TimeSpan.Zero;
            if (stream.TryRead(wait, cancellationToken, out var item))
            {
                if (count == 0)
                {
                    writer.WriteStartArray();
                    deadline = clock.Elapsed + _options.FlushInterval;
                }

                EventWireWriter.WriteEvent(writer, item.Event);
                count++;
                EventsRead++;
                position = item.Position;
                if (count >= _options.MaxBatchEvents || writer.BytesPending + writer.BytesCommitted >= _options.MaxBatchBytes)
                {
                    Cut(writer, buffer, count, position);
                    count = 0;
                }
            }
            else if (stream.Ended)
            {
                if (count > 0)
                    Cut(writer, buffer, count, position);
                return;
            }

            if (count > 0 && clock.Elapsed >= deadline)
            {
                Cut(writer, buffer, count, position);
                count = 0;
            }
        }
    }

    private void Cut(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, int count, ISourcePosition? position)
    {
        writer.WriteEndArray();
        writer.Flush();
        _spool.Append(_sequence.Next(), count, position?.Serialize(), buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }
}
