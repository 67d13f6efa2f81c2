using System.Text.Json;

namespace ATTT.Monitor.Events.Wire;

/// <summary>
/// Reads the wire format of docs/protocol.md. Bodies come from the network, so every problem is a
/// <see cref="WireFormatException"/> naming the field at fault (e.g. <c>events[3].event_id</c>),
/// never another exception type.
/// </summary>
/// <remarks>
/// One forward pass with <see cref="Utf8JsonReader"/> over the body: no document tree, no property
/// lookup per field, no path string per event or pair unless an error needs it. This is the
/// collector's ingest hot path (a JsonDocument with ~20 TryGetProperty scans per event was about a
/// tenth of the collector's CPU under load). A property given twice counts by its last value, as
/// JsonDocument's lookup did.
/// </remarks>
public static class EventWireReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    public static EventBatch ReadBatch(ReadOnlyMemory<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json.Span, ReaderOptions);
        try
        {
            var batch = ReadBatch(ref reader);
            ExpectEndOfInput(ref reader);
            return batch;
        }
        catch (JsonException ex)
        {
            throw new WireFormatException("", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>One wire EVENT on its own (stored events, drill injects); <paramref name="path"/> names it in errors.</summary>
    public static EventRecord ReadEvent(ReadOnlySpan<byte> utf8Json, string path)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            reader.Read();
            var e = WireEventReader.Read(ref reader, new WirePath(path, -1));
            ExpectEndOfInput(ref reader);
            return e;
        }
        catch (JsonException ex)
        {
            throw new WireFormatException(path, $"{path} is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>A <c>losses</c> array on its own, as <see cref="EventWireWriter.SerializeLosses"/> wrote it.</summary>
    public static IReadOnlyList<ChannelLoss> ReadLosses(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            reader.Read();
            var losses = ChannelLossWire.ReadValue(ref reader) ?? [];
            ExpectEndOfInput(ref reader);
            return losses;
        }
        catch (JsonException ex)
        {
            throw new WireFormatException("losses", $"losses is not valid JSON: {ex.Message}");
        }
    }

    private static EventBatch ReadBatch(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new WireFormatException("", "The body must be a JSON object.");
        long? version = null, seq = null, dropped = null;
        string? agentId = null;
        DateTimeOffset? sentAt = null;
        List<EventRecord>? events = null;
        List<ChannelLoss>? losses = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("v"u8))
            {
                version = WireValues.Int64(ref reader, WirePath.Root, "v");
                if (version is not null && version != EventBatch.ProtocolVersion)
                    throw new WireFormatException("v", $"Unsupported protocol version {version}.");
            }
            else if (reader.ValueTextEquals("agent_id"u8))
                agentId = WireValues.String(ref reader, WirePath.Root, "agent_id");
            else if (reader.ValueTextEquals("seq"u8))
                seq = WireValues.Int64(ref reader, WirePath.Root, "seq");
            else if (reader.ValueTextEquals("sent_at"u8))
                sentAt = WireValues.Time(ref reader, WirePath.Root, "sent_at");
            else if (reader.ValueTextEquals("dropped"u8))
                dropped = WireValues.Int64(ref reader, WirePath.Root, "dropped");
            else if (reader.ValueTextEquals("events"u8))
                events = ReadEvents(ref reader);
            else if (reader.ValueTextEquals("losses"u8))
                losses = ChannelLossWire.Read(ref reader);
            else
                reader.Skip();
        }

        if (version is null)
            throw new WireFormatException("v", "v is required.");
        if (seq is null)
            throw new WireFormatException("seq", "seq is required.");
        if (seq <= 0)
            throw new WireFormatException("seq", "seq must be a positive integer.");
        if (dropped < 0)
            throw new WireFormatException("dropped", "dropped must not be negative.");
        if (events is null)
            throw new WireFormatException("events", "events must be an array.");
        return new EventBatch(agentId ?? "", seq.Value, sentAt ?? DateTimeOffset.UnixEpoch, dropped ?? 0, events, losses);
    }

    private static List<EventRecord> ReadEvents(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new WireFormatException("events", "events must be an array.");
        var events = new List<EventRecord>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (events.Count == EventBatch.MaxEvents)
                throw new WireFormatException("events", $"A batch holds at most {EventBatch.MaxEvents} events; this one has {CountRest(ref reader) + events.Count}.")
                {
                    TooLarge = true,
                };
            events.Add(WireEventReader.Read(ref reader, new WirePath("events", events.Count)));
        }

        return events;
    }

    /// <summary>Counts the array's remaining elements, the reader on the first of them, for the error message.</summary>
    private static int CountRest(ref Utf8JsonReader reader)
    {
        var count = 0;
        do
        {
            reader.Skip();
            count++;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);
        return count;
    }

    /// <summary>Anything after the top-level value other than whitespace is invalid JSON (the reader throws).</summary>
    private static void ExpectEndOfInput(ref Utf8JsonReader reader)
    {
        if (reader.Read())
            throw new WireFormatException("", "The body holds more than one JSON value.");
    }
}
