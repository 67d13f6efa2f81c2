using System.Globalization;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Reads the parts of a date as written, without allocating: <c>yyyy-MM-dd</c>, then optionally
/// <c>T</c> or a space and <c>HH:mm</c> (seconds, fractions and a zone may follow and are ignored:
/// the specification's time-part modifiers do no time-zone or format conversion). That covers the
/// ISO 8601 times of the event model (<c>TimeCreated</c>) and Sysmon's <c>UtcTime</c>.
/// </summary>
internal static class DateParts
{
    /// <summary>The part of <paramref name="text"/>; false when it is not such a date, or has no time for minute/hour.</summary>
    public static bool TryGet(ReadOnlySpan<char> text, TimePart part, out int value)
    {
        value = 0;
        text = text.Trim();
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;

        var hasTime = text.Length >= 16 && text[10] is 'T' or 't' or ' ' && text[13] == ':';
        var hour = 0;
        var minute = 0;
        if (hasTime && (!Digits(text.Slice(11, 2), out hour) || !Digits(text.Slice(14, 2), out minute) || hour > 23 || minute > 59))
            return false;
        if (!hasTime && part is TimePart.Minute or TimePart.Hour) return false;

        value = part switch
        {
            TimePart.Minute => minute,
            TimePart.Hour => hour,
            TimePart.Day => day,
            TimePart.Week => ISOWeek.GetWeekOfYear(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)),
            TimePart.Month => month,
            _ => year,
        };
        return true;
    }

    /// <summary>The part of an event time (the event model keeps times in UTC).</summary>
    public static int Of(DateTimeOffset time, TimePart part)
    {
        var t = time.UtcDateTime;
        return part switch
        {
            TimePart.Minute => t.Minute,
            TimePart.Hour => t.Hour,
            TimePart.Day => t.Day,
            TimePart.Week => ISOWeek.GetWeekOfYear(t),
            TimePart.Month => t.Month,
            _ => t.Year,
        };
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }

        return true;
    }
}
