using System.Globalization;
using System.Text.Json;

namespace ATTT.Monitor.Events.Wire;

/// <summary>
/// Typed values of the wire format, read with the reader on a property name: each moves to the
/// value, accepts null as absent, and throws <see cref="WireFormatException"/> naming the field
/// (<paramref name="name"/> under <paramref name="path"/>, joined only when there is an error).
/// </summary>
internal static class WireValues
{
    public static string? String(ref Utf8JsonReader reader, WirePath path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Decode(ref reader) ?? throw Error(path, name, NotText),
            _ => throw Error(path, name, "must be a string"),
        };
    }

    /// <summary>What a string that cannot be decoded is told: bytes that are not UTF-8, or an escaped lone surrogate.</summary>
    public const string NotText = "is not valid text (invalid UTF-8 or a lone surrogate such as \\ud800)";

    /// <summary>
    /// The string token's text, or null when it is not text: <see cref="Utf8JsonReader"/> checks
    /// structure only, and <c>GetString</c> throws InvalidOperationException for invalid UTF-8 or an
    /// escaped lone surrogate, which must become a 400 naming the field, not a 500.
    /// </summary>
    public static string? Decode(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static long? Int64(ref Utf8JsonReader reader, WirePath path, string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
            return value;
        throw Error(path, name, "must be an integer");
    }

    /// <summary>Event ids, levels and the like: Windows keeps some as unsigned 32-bit, so both ranges are accepted.</summary>
    public static int? Int32(ref Utf8JsonReader reader, WirePath path, string name)
    {
        var value = Int64(ref reader, path, name);
        if (value is null)
            return null;
        if (value is < int.MinValue or > uint.MaxValue)
            throw Error(path, name, "is out of range");
        return unchecked((int)value.Value);
    }

    public static DateTimeOffset? Time(ref Utf8JsonReader reader, WirePath path, string name)
    {
        var text = String(ref reader, path, name);
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        throw Error(path, name, "is not an ISO 8601 time");
    }

    public static WireFormatException Error(WirePath path, string name, string what)
    {
        var field = path.Field(name);
        return new WireFormatException(field, $"{field} {what}.");
    }
}
