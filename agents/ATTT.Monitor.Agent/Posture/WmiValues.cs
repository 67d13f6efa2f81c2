using System.Globalization;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Converts values as WMI hands them over (boxed integers of various widths, CIM DATETIME strings
/// such as <c>20261127031500.000000+420</c>, strings) into plain .NET values. OS-neutral, so it is
/// tested on Linux with recorded values.
/// </summary>
public static class WmiValues
{
    public static bool? ToBool(object? value) => value switch
    {
        bool b => b,
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        string s when bool.TryParse(s, out var b) => b,
        _ => null,
    };

    public static uint? ToUInt32(object? value) => value switch
    {
        uint u => u,
        int i => unchecked((uint)i),
        byte or sbyte or short or ushort or long or ulong => unchecked((uint)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        string s when uint.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) => u,
        _ => null,
    };

    /// <summary>Sizes and byte counts (WMI gives uint64 as a number, or as a string for some classes); null when not a number or above long.MaxValue.</summary>
    public static long? ToInt64(object? value) => value switch
    {
        ulong u => u <= long.MaxValue ? (long)u : null,
        long l => l >= 0 ? l : null,
        uint or int or ushort or short or byte or sbyte => Math.Max(0, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public static int? ToInt32(object? value)
    {
        var u = ToUInt32(value);
        // WMI uses 4294967295 (uint.MaxValue) and 65535 for "unknown" in several MSFT_Mp* counters.
        return u is null or uint.MaxValue or 65535 ? null : (int)Math.Min(u.Value, int.MaxValue);
    }

    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A WMI string array (<c>string[]</c>, null when empty) as a list without empty entries.</summary>
    public static List<string> ToTextList(object? value) => value switch
    {
        string[] items => items.Where(s => !string.IsNullOrWhiteSpace(s)).ToList(),
        string s when s.Length > 0 => [s],
        _ => [],
    };

    /// <summary>CIM DATETIME <c>yyyyMMddHHmmss.ffffff±UUU</c> (offset in minutes) to UTC; null for empty or the zero date.</summary>
    public static DateTimeOffset? ToTime(object? value)
    {
        if (value is DateTime dt)
            return dt.Year <= 1601 ? null : new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero);
        if (value is not string s || s.Length < 21 || s.StartsWith("00000000", StringComparison.Ordinal) || s.StartsWith("16010101", StringComparison.Ordinal))
            return null;
        if (!DateTime.TryParseExact(s[..21], "yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        var offsetMinutes = 0;
        if (s.Length >= 25 && int.TryParse(s[22..25], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m))
            offsetMinutes = s[21] == '-' ? -m : m;
        return new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes)).ToUniversalTime();
    }
}
