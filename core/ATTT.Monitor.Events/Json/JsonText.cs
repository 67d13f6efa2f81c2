using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ATTT.Monitor.Events.Json;

/// <summary>
/// Reads JSON strings and property names as valid text, whatever the input holds: invalid UTF-8 and
/// lone surrogates (a <c>\ud800</c> escape without its pair) become U+FFFD, as the EVTX reader does
/// with UTF-16. Event content is attacker-controlled, and one bad string must not cost the event
/// (<see cref="JsonElement.GetString"/> throws on both). Never throws for a string element.
/// </summary>
public static class JsonText
{
    private const char Replacement = '\uFFFD';

    /// <summary>The text of a string element; <see cref="JsonElement.GetString"/> for other kinds.</summary>
    public static string? GetString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? Decode(JsonMarshal.GetRawUtf8Value(element)[1..^1])
            : element.GetString();

    /// <summary>The name of a property, sanitized as <see cref="GetString"/> sanitizes values.</summary>
    public static string GetName(JsonProperty property) => Decode(JsonMarshal.GetRawUtf8PropertyName(property));

    /// <summary>Decodes the bytes between a JSON string's quotes (escapes included).</summary>
    public static string Decode(ReadOnlySpan<byte> escaped)
    {
        if (escaped.IsEmpty)
            return "";
        var backslash = escaped.IndexOf((byte)'\\');
        // Encoding.UTF8 replaces every invalid sequence with U+FFFD.
        if (backslash < 0)
            return Encoding.UTF8.GetString(escaped);
        var rented = ArrayPool<char>.Shared.Rent(escaped.Length);
        try
        {
            var written = Unescape(escaped, backslash, rented);
            return new string(rented, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    // The output never has more characters than the input has bytes: every escape shrinks and
    // UTF-8 yields at most one UTF-16 unit per byte.
    private static int Unescape(ReadOnlySpan<byte> source, int backslash, char[] target)
    {
        var written = Encoding.UTF8.GetChars(source[..backslash], target);
        var i = backslash;
        while (i < source.Length)
        {
            var next = source[i..].IndexOf((byte)'\\');
            if (next != 0)
            {
                var plain = next < 0 ? source[i..] : source.Slice(i, next);
                written += Encoding.UTF8.GetChars(plain, target.AsSpan(written));
                i += plain.Length;
                continue;
            }

            if (i + 1 >= source.Length)
            {
                target[written++] = Replacement;
                break;
            }

            var kind = source[i + 1];
            i += 2;
            if (kind != (byte)'u')
            {
                target[written++] = kind switch
                {
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'"' or (byte)'\\' or (byte)'/' => (char)kind,
                    _ => Replacement,
                };
                continue;
            }

            if (!TryHex(source, i, out var unit))
            {
                target[written++] = Replacement;
                continue;
            }

            i += 4;
            if (char.IsHighSurrogate(unit) && i + 6 <= source.Length && source[i] == (byte)'\\' && source[i + 1] == (byte)'u'
                && TryHex(source, i + 2, out var low) && char.IsLowSurrogate(low))
            {
                target[written++] = unit;
                target[written++] = low;
                i += 6;
            }
            else
            {
                target[written++] = char.IsSurrogate(unit) ? Replacement : unit;
            }
        }

        return written;
    }

    private static bool TryHex(ReadOnlySpan<byte> source, int at, out char unit)
    {
        unit = '\0';
        if (at + 4 > source.Length)
            return false;
        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var digit = HexValue(source[at + k]);
            if (digit < 0)
                return false;
            value = (value << 4) | digit;
        }

        unit = (char)value;
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
