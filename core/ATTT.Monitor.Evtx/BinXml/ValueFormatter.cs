using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>
/// Renders binary XML values as Windows renders them: hex without zero padding, GUIDs upper case
/// without braces, times as ISO 8601 UTC with microseconds, no trailing NULs.
/// </summary>
internal static class ValueFormatter
{
    private static readonly DateTime FileTimeEpoch = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static EventValueKind Kind(byte type) => type switch
    {
        ValueTypes.Int8 or ValueTypes.UInt8 or ValueTypes.Int16 or ValueTypes.UInt16 or ValueTypes.Int32
            or ValueTypes.UInt32 or ValueTypes.Int64 or ValueTypes.UInt64 => EventValueKind.Integer,
        ValueTypes.Real32 or ValueTypes.Real64 => EventValueKind.Float,
        ValueTypes.Bool => EventValueKind.Boolean,
        ValueTypes.Null => EventValueKind.Null,
        _ => EventValueKind.String,
    };

    /// <summary>The value as text, or null when it is empty.</summary>
    public static string? Format(byte type, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || type == ValueTypes.Null)
            return null;
        if ((type & ValueTypes.ArrayFlag) != 0)
            return FormatArray(type, data);

        var inv = CultureInfo.InvariantCulture;
        var fixedSize = ValueTypes.FixedSize(type);
        if (fixedSize > 0 && data.Length < fixedSize)
            return Convert.ToHexString(data);

        switch (type)
        {
            // Windows (and the reference JSON) show strings without the trailing spaces some providers pad with.
            case ValueTypes.String: return Utf16(data, trimSpaces: true);
            case ValueTypes.AnsiString: return Encoding.Latin1.GetString(data).TrimEnd('\0', ' ');
            case ValueTypes.Int8: return ((sbyte)data[0]).ToString(inv);
            case ValueTypes.UInt8: return data[0].ToString(inv);
            case ValueTypes.Int16: return BinaryPrimitives.ReadInt16LittleEndian(data).ToString(inv);
            case ValueTypes.UInt16: return BinaryPrimitives.ReadUInt16LittleEndian(data).ToString(inv);
            case ValueTypes.Int32: return BinaryPrimitives.ReadInt32LittleEndian(data).ToString(inv);
            case ValueTypes.UInt32: return BinaryPrimitives.ReadUInt32LittleEndian(data).ToString(inv);
            case ValueTypes.Int64: return BinaryPrimitives.ReadInt64LittleEndian(data).ToString(inv);
            case ValueTypes.UInt64: return BinaryPrimitives.ReadUInt64LittleEndian(data).ToString(inv);
            case ValueTypes.Real32: return BinaryPrimitives.ReadSingleLittleEndian(data).ToString(inv);
            case ValueTypes.Real64: return BinaryPrimitives.ReadDoubleLittleEndian(data).ToString(inv);
            case ValueTypes.Bool: return data.IndexOfAnyExcept((byte)0) >= 0 ? "true" : "false";
            case ValueTypes.Binary: return Convert.ToHexString(data);
            case ValueTypes.Guid: return FormatGuid(data);
            case ValueTypes.SizeT:
            case ValueTypes.EvtHandle:
                return data.Length >= 8 ? Hex(BinaryPrimitives.ReadUInt64LittleEndian(data))
                    : data.Length >= 4 ? Hex(BinaryPrimitives.ReadUInt32LittleEndian(data)) : Convert.ToHexString(data);
            case ValueTypes.FileTime:
                return TryFileTime(data, out var ft) ? EventTime.Format(ft) : Hex(BinaryPrimitives.ReadUInt64LittleEndian(data));
            case ValueTypes.SystemTime:
                return TrySystemTime(data, out var st) ? EventTime.Format(st) : Convert.ToHexString(data);
            case ValueTypes.Sid: return FormatSid(data) ?? Convert.ToHexString(data);
            case ValueTypes.HexInt32: return Hex(BinaryPrimitives.ReadUInt32LittleEndian(data));
            case ValueTypes.HexInt64: return Hex(BinaryPrimitives.ReadUInt64LittleEndian(data));
            default: return Convert.ToHexString(data);
        }
    }

    public static string Hex(ulong value)
    {
        // One allocation, no format-string parsing: Keywords and access masks are formatted per record.
        Span<char> chars = stackalloc char[18];
        chars[0] = '0';
        chars[1] = 'x';
        value.TryFormat(chars[2..], out var written, "x", CultureInfo.InvariantCulture);
        return new string(chars[..(written + 2)]);
    }

    public static string Utf16(ReadOnlySpan<byte> data) => Utf16(data, trimSpaces: false);

    /// <summary>
    /// The UTF-16 text without its trailing NULs (and then, if asked, its trailing spaces).
    /// </summary>
    public static string Utf16(ReadOnlySpan<byte> data, bool trimSpaces)
    {
        var chars = data.Length / 2;
        var span = MemoryMarshal.Cast<byte, char>(data[..(chars * 2)]).TrimEnd('\0');
        if (trimSpaces)
            span = span.TrimEnd(' ');
        if (span.IsEmpty)
            return "";
        // Nearly all text has no surrogates at all, and then the characters are copied as they are
        // (a vectorised scan and one copy). Otherwise Encoding.Unicode replaces lone surrogates with
        // U+FFFD, so every writer downstream gets valid text.
        return span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0
            ? new string(span)
            : Encoding.Unicode.GetString(MemoryMarshal.AsBytes(span));
    }

    public static bool TryFileTime(ReadOnlySpan<byte> data, out DateTimeOffset time)
    {
        time = default;
        if (data.Length < 8)
            return false;
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(data);
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks - FileTimeEpoch.Ticks)
            return false;
        time = new DateTimeOffset(FileTimeEpoch.Ticks + ticks, TimeSpan.Zero);
        return true;
    }

    public static bool TrySystemTime(ReadOnlySpan<byte> data, out DateTimeOffset time)
    {
        time = default;
        if (data.Length < 16)
            return false;
        var f = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(data[..16]);
        int year = f[0], month = f[1], day = f[3], hour = f[4], minute = f[5], second = f[6], ms = f[7];
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || ms > 999)
            return false;
        time = new DateTimeOffset(year, month, day, hour, minute, second, ms, TimeSpan.Zero);
        return true;
    }

    private static string FormatGuid(ReadOnlySpan<byte> data)
    {
        var guid = new Guid(data[..16]);
        Span<char> chars = stackalloc char[36];
        guid.TryFormat(chars, out _, "D");
        for (var i = 0; i < chars.Length; i++)
            chars[i] = char.ToUpperInvariant(chars[i]);
        return new string(chars);
    }

    private static string? FormatSid(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
            return null;
        int count = data[1];
        if (data.Length < 8 + (count * 4))
            return null;
        ulong authority = 0;
        for (var i = 2; i < 8; i++)
            authority = (authority << 8) | data[i];
        var sb = new StringBuilder(64);
        sb.Append("S-").Append(data[0]).Append('-').Append(authority);
        for (var i = 0; i < count; i++)
            sb.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (i * 4))..]));
        return sb.ToString();
    }

    // Where an array can repeat its element, Windows repeats it once per item (MS-EVEN6) and so
    // does BinXmlExpander; this is only reached where nothing can repeat (an attribute value, text
    // mixed with other pieces). Windows' XML has no form for that; python-evtx writes pseudo
    // <string> children (and only for string arrays). We join the items with ", " so the value stays
    // one readable string and no item is lost.
    private static string FormatArray(byte type, ReadOnlySpan<byte> data)
    {
        var count = ArrayCount(type, data);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                sb.Append(", ");
            sb.Append(Format((byte)(type & ~ValueTypes.ArrayFlag), ArrayItem(type, data, i)));
        }

        return sb.ToString();
    }

    /// <summary>Number of items of an array value (strings are NUL-terminated, others fixed-size).</summary>
    public static int ArrayCount(byte type, ReadOnlySpan<byte> data)
    {
        var item = (byte)(type & ~ValueTypes.ArrayFlag);
        if (item == ValueTypes.String)
        {
            var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length / 2 * 2)]);
            var count = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '\0')
                    count++;
            }

            return chars.Length > 0 && chars[^1] != '\0' ? count + 1 : count;
        }

        var size = item == ValueTypes.SizeT ? (data.Length % 8 == 0 ? 8 : 4) : ValueTypes.FixedSize(item);
        return size == 0 ? 1 : data.Length / size;
    }

    public static ReadOnlySpan<byte> ArrayItem(byte type, ReadOnlySpan<byte> data, int index)
    {
        var item = (byte)(type & ~ValueTypes.ArrayFlag);
        if (item == ValueTypes.String)
        {
            var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length / 2 * 2)]);
            var start = 0;
            for (var n = 0; n < index; n++)
            {
                var nul = chars[start..].IndexOf('\0');
                if (nul < 0)
                    return default;
                start += nul + 1;
            }

            var end = chars[start..].IndexOf('\0');
            var length = end < 0 ? chars.Length - start : end;
            return data.Slice(start * 2, length * 2);
        }

        var size = item == ValueTypes.SizeT ? (data.Length % 8 == 0 ? 8 : 4) : ValueTypes.FixedSize(item);
        if (size == 0)
            return data;
        return data.Slice(index * size, size);
    }
}
