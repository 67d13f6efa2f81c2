using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Json;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>Reading typed values leniently (a number may come as a JSON number or as text), and payload fields.</summary>
internal static class JsonValues
{
    /// <summary>A scalar as text (strings sanitized); null for null, objects and arrays.</summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonText.GetString(value),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>A whole number that fits an int, given as a number or as decimal text; otherwise null.</summary>
    public static int? Int(JsonElement value) => Long(value) is { } n && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    public static long? Long(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
            return value.TryGetInt64(out var n) ? n : null;
        return value.ValueKind == JsonValueKind.String
            && long.TryParse(JsonText.GetString(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>
    /// A time: ISO 8601 text (no zone means UTC), or a number of seconds, milliseconds or microseconds
    /// since 1970 (told apart by size, as collectors write all three).
    /// </summary>
    public static DateTimeOffset? Time(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
            return EventTime.TryParse(JsonText.GetString(value), out var time) ? time : null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n) || n < 0)
            return null;
        var micros = n >= 100_000_000_000_000 ? n : n >= 100_000_000_000 ? n * 1000 : n * 1_000_000;
        return micros / 1_000_000 <= 253_402_300_799 ? DateTimeOffset.UnixEpoch.AddTicks(micros * 10) : null;
    }

    /// <summary>
    /// Keywords as Windows renders them (0x and lower-case hex): kept when given so, converted when
    /// given as a (signed or unsigned) decimal number, as older NXLog versions write them.
    /// </summary>
    public static string? Keywords(JsonElement value)
    {
        var text = Scalar(value);
        if (text is null)
            return null;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? Hex(hex) : null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
            return Hex(unchecked((ulong)signed));
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned) ? Hex(unsigned) : null;
    }

    public static string Hex(ulong keywords) => "0x" + keywords.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds a payload value under <paramref name="name"/>: scalars with their kind; each item of an
    /// array under the same name; an object's members as <c>name.member</c>.
    /// </summary>
    public static void AddField(string name, JsonElement value, List<EventField> fields, StringPool pool)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                fields.Add(new EventField(name, JsonText.GetString(value)));
                break;
            case JsonValueKind.Number:
                var raw = value.GetRawText();
                fields.Add(new EventField(name, raw, raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0 ? EventValueKind.Integer : EventValueKind.Float));
                break;
            case JsonValueKind.True:
                fields.Add(new EventField(name, "true", EventValueKind.Boolean));
                break;
            case JsonValueKind.False:
                fields.Add(new EventField(name, "false", EventValueKind.Boolean));
                break;
            case JsonValueKind.Null:
                fields.Add(new EventField(name, null, EventValueKind.Null));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    AddField(name, item, fields, pool);
                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                    AddField(name + "." + pool.Name(member), member.Value, fields, pool);
                break;
            default:
                break;
        }
    }
}
