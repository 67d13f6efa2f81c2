using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events.Json;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>
/// One string per distinct field name and repeated System value (channel, computer, provider) of a
/// file, read straight from the JSON bytes: a file of a million records holds a few hundred names.
/// Sanitized as <see cref="JsonText"/> sanitizes. Bounded: it starts afresh past a size limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 4096;
    private const int MaxPooledBytes = 256;
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);

    public string Name(JsonProperty property) => Get(JsonMarshal.GetRawUtf8PropertyName(property));

    /// <summary>A string value pooled; other scalars as their JSON text; null for null, objects and arrays.</summary>
    public string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? Get(JsonMarshal.GetRawUtf8Value(value)[1..^1])
        : JsonValues.Scalar(value);

    private string Get(ReadOnlySpan<byte> escaped)
    {
        if (escaped.Length > MaxPooledBytes || escaped.Contains((byte)'\\'))
            return JsonText.Decode(escaped);
        Span<char> chars = stackalloc char[MaxPooledBytes];
        var count = Encoding.UTF8.GetChars(escaped, chars);
        var lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..count], out var existing))
            return existing;
        if (_set.Count >= MaxEntries)
            _set.Clear();
        var created = new string(chars[..count]);
        _set.Add(created);
        return created;
    }
}
