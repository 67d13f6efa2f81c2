using System.Text.Json;

namespace ATTT.Monitor.Events.Wire;

/// <summary>Reads and writes the batch's <c>losses</c> array (docs/protocol.md).</summary>
internal static class ChannelLossWire
{
    public static string Name(ChannelLossKind kind) => kind switch
    {
        ChannelLossKind.Gap => "gap",
        ChannelLossKind.Wrap => "wrap",
        _ => "reset",
    };

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ChannelLoss>? losses)
    {
        if (losses is not { Count: > 0 })
            return;
        writer.WritePropertyName("losses");
        WriteArray(writer, losses);
    }

    public static void WriteArray(Utf8JsonWriter writer, IReadOnlyList<ChannelLoss> losses)
    {
        writer.WriteStartArray();
        foreach (var loss in losses)
        {
            writer.WriteStartObject();
            writer.WriteString("channel", loss.Channel);
            writer.WriteString("kind", Name(loss.Kind));
            writer.WriteNumber("first_record_id", loss.FirstRecordId);
            writer.WriteNumber("last_record_id", loss.LastRecordId);
            writer.WriteNumber("records", loss.Records);
            writer.WriteString("detected_at", EventTime.Format(loss.DetectedAt));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The reader is on the <c>losses</c> property name; leaves it on the array's end.</summary>
    public static List<ChannelLoss>? Read(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ReadValue(ref reader);
    }

    /// <summary>The reader is on the array's first token (or null).</summary>
    public static List<ChannelLoss>? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new WireFormatException("losses", "losses must be an array.");
        var losses = new List<ChannelLoss>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (losses.Count == ChannelLoss.MaxPerBatch)
                throw new WireFormatException("losses", $"A batch carries at most {ChannelLoss.MaxPerBatch} losses.");
            losses.Add(ReadOne(ref reader, new WirePath("losses", losses.Count)));
        }

        return losses;
    }

    private static ChannelLoss ReadOne(ref Utf8JsonReader reader, WirePath path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new WireFormatException(path.ToString(), $"{path} must be an object.");
        string? channel = null, kind = null;
        long? first = null, last = null, records = null;
        DateTimeOffset? detected = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("channel"u8))
                channel = WireValues.String(ref reader, path, "channel");
            else if (reader.ValueTextEquals("kind"u8))
                kind = WireValues.String(ref reader, path, "kind");
            else if (reader.ValueTextEquals("first_record_id"u8))
                first = WireValues.Int64(ref reader, path, "first_record_id");
            else if (reader.ValueTextEquals("last_record_id"u8))
                last = WireValues.Int64(ref reader, path, "last_record_id");
            else if (reader.ValueTextEquals("records"u8))
                records = WireValues.Int64(ref reader, path, "records");
            else if (reader.ValueTextEquals("detected_at"u8))
                detected = WireValues.Time(ref reader, path, "detected_at");
            else
                reader.Skip();
        }

        if (string.IsNullOrEmpty(channel))
            throw WireValues.Error(path, "channel", "is required");
        var parsedKind = kind switch
        {
            "gap" => ChannelLossKind.Gap,
            "wrap" => ChannelLossKind.Wrap,
            "reset" => ChannelLossKind.Reset,
            null => throw WireValues.Error(path, "kind", "is required"),
            _ => throw WireValues.Error(path, "kind", "must be gap, wrap or reset"),
        };
        if (records is null or < 0)
            throw WireValues.Error(path, "records", "must be a whole number, 0 or more");
        return new ChannelLoss(channel, parsedKind, first ?? 0, last ?? 0, records.Value,
            detected ?? throw WireValues.Error(path, "detected_at", "is required"));
    }
}
