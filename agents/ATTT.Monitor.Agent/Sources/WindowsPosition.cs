using System.Collections.Immutable;
using System.Text.Json;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Position of the Windows source: the last record id read per channel. Record ids grow per channel,
/// so "after this id" resumes exactly where the acknowledged events ended, even across reboots.
/// </summary>
public sealed record WindowsPosition(ImmutableDictionary<string, long> LastRecordIds) : ISourcePosition
{
    public static WindowsPosition Empty { get; } = new(ImmutableDictionary.Create<string, long>(StringComparer.OrdinalIgnoreCase));

    public long After(string channel) => LastRecordIds.GetValueOrDefault(channel);

    public WindowsPosition With(string channel, long recordId) => new(LastRecordIds.SetItem(channel, recordId));

    public string Serialize()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (channel, id) in LastRecordIds.OrderBy(p => p.Key, StringComparer.Ordinal))
                writer.WriteNumber(channel, id);
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
                builder[p.Name] = p.Value.GetInt64();
            return new WindowsPosition(builder.ToImmutable());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The saved event log position '{text}' is not valid: {ex.Message}", ex);
        }
    }
}
