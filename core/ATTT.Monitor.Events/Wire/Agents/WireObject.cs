using System.Text.Json;

namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// Strict reads from one JSON object of a small protocol body (enrollment, heartbeat, posture),
/// each naming the field at fault in a <see cref="WireFormatException"/>: a wrong type, a missing
/// required value, text that is not valid UTF-8 or holds a lone surrogate, a list or text that is too
/// long. Absent and <c>null</c> mean the same; unknown properties are ignored (docs/protocol.md).
/// </summary>
internal readonly struct WireObject
{
    public const int MaxText = 1000;
    private readonly JsonElement _element;
    private readonly string _path;

    private WireObject(JsonElement element, string path)
    {
        _element = element;
        _path = path;
    }

    /// <summary>The root of a body, with <c>v</c> checked.</summary>
    public static WireObject Root(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new WireFormatException("", "The body must be a JSON object.");
        var body = new WireObject(root, "");
        var version = body.Int64("v") ?? throw body.Missing("v");
        if (version != EventBatch.ProtocolVersion)
            throw new WireFormatException("v", "unsupported protocol version");
        return body;
    }

    /// <summary>The root of a body that has no <c>v</c> (the enrollment answer).</summary>
    public static WireObject Unversioned(JsonDocument document) => new(document.RootElement, "");

    public string Field(string name) => _path.Length == 0 ? name : _path + "." + name;

    public WireFormatException Error(string name, string what)
    {
        var field = Field(name);
        return new WireFormatException(field, $"{field} {what}.");
    }

    public WireFormatException Missing(string name) => Error(name, "is required");

    public string RequiredString(string name) => String(name) is { Length: > 0 } s ? s : throw Missing(name);

    public string? String(string name, int maxLength = MaxText) =>
        Get(name) is { } value ? Text(value, Field(name), maxLength) : null;

    public long? Int64(string name)
    {
        if (Get(name) is not { } value)
            return null;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : throw Error(name, "must be an integer");
    }

    /// <summary>A count, size or age: a whole number, 0 or more.</summary>
    public long? Count(string name) => Int64(name) is { } n ? n >= 0 ? n : throw Error(name, "must not be negative") : null;

    public int? Int32(string name) => Count(name) is { } n ? n <= int.MaxValue ? (int)n : throw Error(name, "is out of range") : null;

    public bool? Bool(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Error(name, "must be true, false or null"),
    };

    public DateTimeOffset? Time(string name) => String(name) is { } text
        ? EventTime.TryParse(text, out var t) ? t : throw Error(name, "is not an ISO 8601 time")
        : null;

    public WireObject? Object(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => new WireObject(value, Field(name)),
        _ => throw Error(name, "must be an object or null"),
    };

    /// <summary>An array of objects, each read by <paramref name="read"/>; null when absent.</summary>
    public List<T>? Objects<T>(string name, int maxCount, Func<WireObject, T> read)
    {
        if (Array(name, maxCount) is not { } array)
            return null;
        var list = new List<T>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{Field(name)}[{i++}]";
            list.Add(item.ValueKind == JsonValueKind.Object ? read(new WireObject(item, at)) : throw new WireFormatException(at, $"{at} must be an object."));
        }

        return list;
    }

    /// <summary>An array of strings; null when absent.</summary>
    public List<string>? Strings(string name, int maxCount, int maxLength = MaxText)
    {
        if (Array(name, maxCount) is not { } array)
            return null;
        var list = new List<string>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
            list.Add(Text(item, $"{Field(name)}[{i++}]", maxLength));
        return list;
    }

    private JsonElement? Array(string name, int maxCount)
    {
        if (Get(name) is not { } value)
            return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw Error(name, "must be an array");
        return value.GetArrayLength() <= maxCount ? value : throw Error(name, $"holds more than {maxCount} entries");
    }

    private JsonElement? Get(string name)
    {
        JsonElement value;
        try
        {
            if (!_element.TryGetProperty(name, out value))
                return null;
        }
        catch (InvalidOperationException)
        {
            // A property name that cannot be decoded stands next to this one: the object is not text.
            throw new WireFormatException(Field(name), $"{(_path.Length == 0 ? "The body" : _path)} has a property name that {WireValues.NotText}.");
        }

        return value.ValueKind == JsonValueKind.Null ? null : value;
    }

    private static string Text(JsonElement value, string field, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new WireFormatException(field, $"{field} must be a string.");
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new WireFormatException(field, $"{field} {WireValues.NotText}.");
        }

        return text.Length <= maxLength ? text : throw new WireFormatException(field, $"{field} is longer than {maxLength} characters.");
    }
}
