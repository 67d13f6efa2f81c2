using System.Globalization;
using System.Text.RegularExpressions;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// Reference semantics of the time-part modifiers (modifiers appendix): the field is a date as
/// written (yyyy-MM-dd, then optionally T or a space and HH:mm), no time-zone conversion; the part
/// is compared with each value (equal, or gt/gte/lt/lte when given). Week is the ISO 8601 week.
/// </summary>
internal static partial class ReferenceTimePart
{
    public static string? PartOf(GeneratedItem item) => RuleGenerators.TimeParts.FirstOrDefault(item.Has);

    public static bool Matches(GeneratedItem item, string part, bool present, string? raw)
    {
        bool One(string? v)
        {
            if (v is null) return !present || string.IsNullOrEmpty(raw);
            if (!present || string.IsNullOrEmpty(raw) || Extract(raw, part) is not { } n) return false;
            var bound = int.Parse(v, CultureInfo.InvariantCulture);
            if (item.Has("gt")) return n > bound;
            if (item.Has("gte")) return n >= bound;
            if (item.Has("lt")) return n < bound;
            if (item.Has("lte")) return n <= bound;
            return n == bound;
        }

        return item.Has("all") ? item.Values.All(One) : item.Values.Any(One);
    }

    private static int? Extract(string text, string part)
    {
        var m = DateShape().Match(text.Trim());
        if (!m.Success) return null;
        int Group(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        DateTime date;
        try
        {
            date = new DateTime(Group(1), Group(2), Group(3), 0, 0, 0, DateTimeKind.Unspecified);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        var hasTime = m.Groups[4].Success;
        if (hasTime && (Group(4) > 23 || Group(5) > 59)) return null;
        return part switch
        {
            "minute" => hasTime ? Group(5) : null,
            "hour" => hasTime ? Group(4) : null,
            "day" => date.Day,
            "week" => ISOWeek.GetWeekOfYear(date),
            "month" => date.Month,
            _ => date.Year,
        };
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2}))?")]
    private static partial Regex DateShape();
}
