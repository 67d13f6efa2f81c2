using System.Collections.Immutable;
using System.Text.Json;
using ATTT.Monitor.Agent.Sources.EventLog;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Position of the <c>windows</c> source: per channel, the last record read and its Windows bookmark
/// (<see cref="BookmarkXml"/>), saved with the checkpoint once the collector acknowledged the batch
/// that ends there. Text form: <c>{"Security":{"record_id":123,"bookmark":"&lt;BookmarkList&gt;…"}}</c>;
/// the older form <c>{"Security":123}</c> is still read. Record ids grow per channel, so resuming
/// after the bookmark continues exactly where the acknowledged events ended, even across reboots.
/// </summary>
public sealed record WindowsPosition(ImmutableDictionary<string, long> LastRecordIds) : ISourcePosition
{
    public static WindowsPosition Empty { get; } = new(ImmutableDictionary.Create<string, long>(StringComparer.OrdinalIgnoreCase));

    public long After(string channel) => LastRecordIds.GetValueOrDefault(channel);

    public WindowsPosition With(string channel, long recordId) => new(LastRecordIds.SetItem(channel, recordId));

    public string Serialize()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (channel, id) in LastRecordIds.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(channel);
                writer.WriteNumber("record_id", id);
                writer.WriteString("bookmark", BookmarkXml.For(channel, id));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static WindowsPosition Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return Empty;
        try
        {
            using var json = JsonDocument.Parse(text);
            var builder = Empty.LastRecordIds.ToBuilder();
            foreach (var p in json.RootElement.EnumerateObject())
                builder[p.Name] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt64() : RecordId(p.Name, p.Value);
            return new WindowsPosition(builder.ToImmutable());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException($"The saved event log position '{text}' is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>The bookmark's record id (what Windows resumes after), checked against the record id saved beside it.</summary>
    private static long RecordId(string channel, JsonElement value)
    {
        var id = value.GetProperty("record_id").GetInt64();
        if (value.TryGetProperty("bookmark", out var bookmark) && !BookmarkXml.TryRead(bookmark.GetString(), channel, out _))
            throw new FormatException($"the bookmark of channel '{channel}' is not a bookmark list for that channel");
        return id;
    }
}
