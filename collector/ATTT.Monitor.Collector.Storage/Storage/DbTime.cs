using System.Globalization;
using ATTT.Monitor.Events;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// The one time format of the state database: UTC text of one fixed width, microseconds
/// (<see cref="EventTime.Format"/>, 27 characters), so that comparing the text compares the times
/// and SQL range filters and ORDER BY work on plain strings. Every area writes times through
/// <see cref="Format"/>; values of other widths written by earlier versions are rewritten by the
/// areas' migrations where SQL compares them.
/// </summary>
public static class DbTime
{
    public static string Format(DateTimeOffset time) => EventTime.Format(time);

    /// <summary>The formatted time, or SQL NULL.</summary>
    public static object FormatOrNull(DateTimeOffset? time) => time is { } t ? Format(t) : DBNull.Value;

    /// <summary>Reads this format and any ISO 8601 form written before it (UTC when no offset is given).</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset Read(SqliteDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.GetString(ordinal));
    }

    public static DateTimeOffset? ReadOrNull(SqliteDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : Read(reader, ordinal);
    }
}
