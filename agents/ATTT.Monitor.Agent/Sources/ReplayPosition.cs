using System.Text.Json;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Position in a replayed file or folder: the file (relative to the replayed folder, '/' separated)
/// and how many of its records have been read.
/// </summary>
public sealed record ReplayPosition(string File, long Records) : ISourcePosition
{
    public string Serialize()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", File);
            writer.WriteNumber("records", Records);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ReplayPosition? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return new ReplayPosition(root.GetProperty("file").GetString() ?? "", root.GetProperty("records").GetInt64());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"The saved replay position '{text}' is not valid: {ex.Message}", ex);
        }
    }
}
