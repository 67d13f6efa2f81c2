using System.Globalization;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// A position in the newest-first order of a search: strictly before the event at
/// (<see cref="Time"/>, <see cref="Id"/>). Written as <c>TICKS-ID</c> in links (keyset paging: the
/// next page costs as much as the first, however deep).
/// </summary>
public readonly record struct EventCursor(DateTimeOffset Time, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Time.UtcTicks}-{Id}");

    public static bool TryParse(string? text, out EventCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text))
            return false;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;
        cursor = new EventCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
