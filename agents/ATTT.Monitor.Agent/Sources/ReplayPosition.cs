using System.Text.Json;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Position in a replayed file or folder: the file (relative to the replayed folder, '/' separated),
/// in an archive the entry being read (null otherwise), and how many of its records have been read
/// (<see cref="Inputs.FilePosition"/>).
/// </summary>
public sealed record ReplayPosition(string File, long Records, string? Entry = null) : ISourcePosition
{
    public string Serialize()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", File);
            if (Entry is not null)
                writer.WriteString("entry", Entry);
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
            var entry = root.TryGetProperty("entry", out var e) ? e.GetString() : null;
            return new ReplayPosition(root.GetProperty("file").GetString() ?? "", root.GetProperty("records").GetInt64(), entry);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"The saved replay position '{text}' is not valid: {ex.Message}", ex);
        }
    }
}
