using System.Globalization;

namespace ATTT.Monitor.Collector.Search;

/// <summary>
/// The one reader of days and times typed by people, as Vietnamese officials write them:
/// dd/mm/yyyy (single digits allowed, 1/12/2026), optionally followed by H:mm or H:mm:ss; the
/// ISO forms that links and scripts carry (2026-12-01, 2026-12-01T09:05) are read too. mm/dd/yyyy
/// is never guessed: 11/27/2026 is refused, not read as 27 November. The event search and the
/// incident list both read their date filters here, so a date one accepts the other accepts.
/// </summary>
public static class DayMonthYear
{
    public const string Placeholder = "dd/mm/yyyy";

    private static readonly string[] DayFormats = ["d/M/yyyy", "yyyy-MM-dd"];

    private static readonly string[] TimeFormats =
    [
        .. DayFormats,
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
    ];

    /// <summary>A day; false for anything else, a time of day included.</summary>
    public static bool TryParseDay(string? text, out DateOnly day)
    {
        day = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>A wall-clock time with no zone (a day alone is its midnight); the caller says which zone it is in.</summary>
    public static bool TryParseLocal(string? text, out DateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        local = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        return true;
    }
}
