using System.Buffers;
using System.Text.Json;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Transport;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>
/// Sends the spool's batches oldest first, one at a time. Only the collector's acknowledgement moves
/// the checkpoint (acked seq and source position) and frees the batch. 413 splits a batch into two
/// new ones; 400 puts it in the quarantine folder, counts its events as dropped, and moves on.
/// </summary>
internal sealed class BatchSender
{
    private readonly DiskSpool _spool;
    private readonly CheckpointStore _checkpoint;
    private readonly CollectorClient _client;
    private readonly AgentCredentials _credentials;
    private readonly SequenceCounter _sequence;
    private readonly PipelineOptions _options;
    private readonly string _quarantine;
    private readonly ILogger _logger;

    public BatchSender(DiskSpool spool, CheckpointStore checkpoint, CollectorClient client, AgentCredentials credentials,
        SequenceCounter sequence, PipelineOptions options, string quarantineDirectory, ILogger logger)
    {
        _spool = spool;
        _checkpoint = checkpoint;
        _client = client;
        _credentials = credentials;
        _sequence = sequence;
        _options = options;
        _quarantine = quarantineDirectory;
        _logger = logger;
    }

    /// <summary>Sends until cancelled, or until the spool is empty once <paramref name="sourceDone"/> has completed.</summary>
    public async Task RunAsync(Task? sourceDone, CancellationToken cancellationToken)
    {
        // One wait task for the whole run: a new Task.Delay per loop would pile up token registrations.
        var stopped = Task.Delay(Timeout.Infinite, cancellationToken);
        var done = sourceDone ?? stopped;
        SpooledBatch? batch = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = _spool.Changed;
            // A batch that failed is retried as it is: the spool may have evicted it meanwhile (when
            // full), and it was not counted as dropped because this loop still holds it.
            if (batch is null && !_spool.TryPeekOldest(out batch))
            {
                if (sourceDone is { IsCompleted: true })
                    return;
                await Task.WhenAny(changed, done, stopped).ConfigureAwait(false);
                continue;
            }

            if (await SendAsync(batch!, cancellationToken).ConfigureAwait(false))
                batch = null;
        }
    }

    /// <summary>True when the batch is done with (acknowledged, split or quarantined).</summary>
    private async Task<bool> SendAsync(SpooledBatch batch, CancellationToken cancellationToken)
    {
        var dropped = AttachDropped(batch.Sequence);
        var outcome = await _client.SendBatchAsync(_credentials, batch.Sequence, dropped, batch.Losses, batch.EventsJson, cancellationToken).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case SendStatus.Accepted:
                _checkpoint.Update(c => c with
                {
                    AckedSequence = batch.Sequence,
                    AckedPosition = batch.Position,
                    DroppedAttachedSequence = 0,
                    DroppedAttached = 0,
                    LastAckAt = DateTimeOffset.UtcNow,
                });
                _spool.MarkAcknowledged(batch.Sequence);
                return true;
            case SendStatus.TooLarge when batch.EventCount > 1:
                Split(batch);
                return true;
            case SendStatus.TooLarge:
            case SendStatus.Rejected:
                Quarantine(batch, outcome.Error ?? "rejected");
                return true;
            case SendStatus.Unauthorized:
                RecordError(outcome.Error);
                await Task.Delay(_options.UnauthorizedPause, cancellationToken).ConfigureAwait(false);
                return false;
            default:
                RecordError(outcome.Error);
                await Task.Delay(_options.UnavailablePause, cancellationToken).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>
    /// The dropped count this batch reports: the one already given to it (a re-send), or everything
    /// pending, given to it durably before it is sent (see <see cref="AgentCheckpoint.DroppedAttachedSequence"/>).
    /// </summary>
    private long AttachDropped(long sequence)
    {
        var state = _checkpoint.Update(c =>
        {
            if (c.DroppedAttachedSequence == sequence || c.DroppedPending == 0 && c.DroppedAttached == 0)
                return c;
            // A count given to another batch that was never acknowledged (split, quarantined, lost from a
            // damaged spool) has not been reported: it goes with this one.
            return c with { DroppedAttachedSequence = sequence, DroppedAttached = c.DroppedAttached + c.DroppedPending, DroppedPending = 0 };
        });
        return state.DroppedAttachedSequence == sequence ? state.DroppedAttached : 0;
    }

    /// <summary>A batch that will not be acknowledged gives its dropped count back to the next one.</summary>
    private static AgentCheckpoint Detach(AgentCheckpoint c, long sequence) =>
        c.DroppedAttachedSequence == sequence
            ? c with { DroppedPending = c.DroppedPending + c.DroppedAttached, DroppedAttached = 0, DroppedAttachedSequence = 0 }
            : c;

    private void Split(SpooledBatch batch)
    {
        using var json = JsonDocument.Parse(batch.EventsJson);
        var events = json.RootElement.EnumerateArray().ToList();
        var half = events.Count / 2;
        var position = _spool.LastPosition;
        var losses = batch.Losses; // the losses found before the batch's first event go with its first half
        foreach (var part in new[] { events[..half], events[half..] })
        {
            var buffer = new ArrayBufferWriter<byte>(batch.EventsJson.Length / 2 + 16);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var e in part)
                    e.WriteTo(writer);
                writer.WriteEndArray();
            }

            _spool.Append(_sequence.Next(), part.Count, position, buffer.WrittenSpan, losses);
            losses = null;
        }

        _logger.LogWarning("The collector found batch {Seq} too large; its {Count} events were split into two new batches.", batch.Sequence, batch.EventCount);
        _checkpoint.Update(c => Detach(c, batch.Sequence) with { AckedSequence = batch.Sequence, AckedPosition = batch.Position });
        _spool.MarkAcknowledged(batch.Sequence);
    }

    private void Quarantine(SpooledBatch batch, string error)
    {
        Directory.CreateDirectory(_quarantine);
        var path = Path.Combine(_quarantine, $"batch-{batch.Sequence:D12}.json");
        var body = ProtocolBodies.Write(writer =>
        {
            writer.WriteNumber("seq", batch.Sequence);
            writer.WriteString("error", error);
            writer.WriteString("quarantined_at", Events.EventTime.Format(DateTimeOffset.UtcNow));
            writer.WritePropertyName("events");
            writer.WriteRawValue(batch.EventsJson.Span, skipInputValidation: true);
        });
        AtomicFile.WriteAllBytes(path, body);
        _logger.LogError("The collector rejected batch {Seq} ({Error}); its {Count} events are kept in {Path} and reported as dropped.",
            batch.Sequence, error, batch.EventCount, path);
        // Its channel losses are not lost with it: they go on in a batch of their own, with no events.
        if (batch.Losses is { Count: > 0 } losses)
            _spool.Append(_sequence.Next(), 0, _spool.LastPosition, "[]"u8, losses);
        _checkpoint.Update(c => Detach(c, batch.Sequence) with
        {
            AckedSequence = batch.Sequence,
            AckedPosition = batch.Position,
            DroppedPending = c.DroppedPending + batch.EventCount,
            DroppedTotal = c.DroppedTotal + batch.EventCount,
            LastError = $"Batch {batch.Sequence} rejected and quarantined in {path}: {error}",
            LastErrorAt = DateTimeOffset.UtcNow,
        });
        _spool.MarkAcknowledged(batch.Sequence);
    }

    private void RecordError(string? error)
    {
        _logger.LogWarning("Sending to the collector failed: {Error}", error);
        _checkpoint.Update(c => c with { LastError = error, LastErrorAt = DateTimeOffset.UtcNow });
    }
}
