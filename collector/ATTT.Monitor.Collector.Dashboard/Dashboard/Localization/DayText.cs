using System.Globalization;
using ATTT.Monitor.Collector.Search;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// A day typed in a filter as Vietnamese officials write it, dd/mm/yyyy, in a text box: the
/// browser's own date picker shows the operating system's format (mm/dd/yyyy on most machines),
/// whatever the page's language. Read by <see cref="DayMonthYear"/>, as the event search reads its times.
/// </summary>
internal static class DayText
{
    public const string Placeholder = DayMonthYear.Placeholder;

    /// <summary>True for a valid day or nothing (<paramref name="day"/> null); false for text that is not a day.</summary>
    public static bool TryParse(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DayMonthYear.TryParseDay(text, out var parsed))
            return false;
        day = parsed;
        return true;
    }

    public static string Format(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Midnight of the day in Vietnam (UTC+7, no daylight saving).</summary>
    public static DateTimeOffset? StartInVietnam(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)) : null;
}
