using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>
/// Reads the source and cuts batches into the spool: a batch is cut when full or after the flush
/// interval. Each batch gets its sequence number here, once, and carries the source position after
/// its last event, so a restart resumes right after what the spool already holds.
/// While a batch is open the cutting loop sleeps until the flush deadline, or until a full batch is
/// queued or the source ends, instead of waking for every event (a quiet PC stays quiet; a burst
/// is still cut as fast as it comes).
/// </summary>
internal sealed class EventBatcher
{
    private readonly IEventSource _source;
    private readonly DiskSpool _spool;
    private readonly SequenceCounter _sequence;
    private readonly PipelineOptions _options;
    private readonly AsyncSignal _fullOrDone = new();

    public EventBatcher(IEventSource source, DiskSpool spool, SequenceCounter sequence, PipelineOptions options)
    {
        _source = source;
        _spool = spool;
        _sequence = sequence;
        _options = options;
    }

    public long EventsRead { get; private set; }

    public async Task RunAsync(string? resumeAfter, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<SourcedEvent>(new BoundedChannelOptions(2 * _options.MaxBatchEvents) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in _source.ReadAsync(resumeAfter, stop.Token).ConfigureAwait(false))
                {
                    await queue.Writer.WriteAsync(e, stop.Token).ConfigureAwait(false);
                    // Only this loop adds to the queue, one at a time: it sees the moment it reaches a full batch.
                    if (queue.Reader.Count == _options.MaxBatchEvents)
                        _fullOrDone.Set();
                }

                queue.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                queue.Writer.TryComplete(ex);
            }

            _fullOrDone.Set();
        }, stop.Token);

        try
        {
            await ConsumeAsync(queue.Reader, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ConsumeAsync(ChannelReader<SourcedEvent> reader, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var writer = new Utf8JsonWriter(buffer);
        await using (writer.ConfigureAwait(false))
        {
            var count = 0;
            ISourcePosition? position = null;
            var deadline = DateTime.MaxValue;
            while (true)
            {
                while (reader.TryRead(out var item))
                {
                    if (count == 0)
                    {
                        writer.WriteStartArray();
                        deadline = DateTime.UtcNow + _options.FlushInterval;
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

                if (count > 0 && DateTime.UtcNow >= deadline)
                {
                    Cut(writer, buffer, count, position);
                    count = 0;
                }

                bool more;
                if (count == 0)
                {
                    more = await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await WaitForDeadlineAsync(reader, deadline - DateTime.UtcNow, cancellationToken).ConfigureAwait(false);
                    more = !reader.Completion.IsCompleted; // completes only once the source ended and the queue is empty
                }

                if (!more)
                {
                    if (count > 0)
                        Cut(writer, buffer, count, position);
                    await reader.Completion.ConfigureAwait(false); // rethrows a source failure
                    return;
                }
            }
        }
    }

    /// <summary>Sleeps until the open batch's deadline, or less when a full batch is queued or the source ended.</summary>
    private async Task WaitForDeadlineAsync(ChannelReader<SourcedEvent> reader, TimeSpan wait, CancellationToken cancellationToken)
    {
        var woken = _fullOrDone.Current; // taken before the check, so a signal in between is not lost
        if (wait <= TimeSpan.Zero || reader.Count >= _options.MaxBatchEvents || reader.Completion.IsCompleted)
            return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, timeout.Token);
        await Task.WhenAny(delay, woken).ConfigureAwait(false);
        await timeout.CancelAsync().ConfigureAwait(false); // frees the timer when woken early
        cancellationToken.ThrowIfCancellationRequested();
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
