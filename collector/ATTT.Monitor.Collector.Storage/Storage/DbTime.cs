using System.Globalization;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Times in the state database: UTC text of one fixed width (<see cref="EventTime.Format"/>), so
/// that comparing the text compares the times and SQL range filters work on plain strings.
/// </summary>
public static class DbTime
{
    public static string Format(DateTimeOffset time) => EventTime.Format(time);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
