using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Dashboard.Localization;

namespace ATTT.Monitor.Collector.Dashboard.EventViews;

/// <summary>Addresses of the event pages; every value is escaped for a query string.</summary>
internal static class EventLinks
{
    /// <summary>Vietnam's fixed offset (no daylight saving): times typed without one are read in it.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Event(long id) => "/events/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Timeline(long incident) => "/events/timeline?incident=" + incident.ToString(CultureInfo.InvariantCulture);

    public static string Timeline(string host, string unit, DateTimeOffset at, int? window = null) =>
        Query("/events/timeline", ("host", host), ("unit", unit), ("at", LocalTime(at)), ("window", window?.ToString(CultureInfo.InvariantCulture)));

    public static string Search(string host, string unit) => Query("/events", ("host", host), ("unit", unit));

    /// <summary>A time as the forms write it (dd/MM/yyyy HH:mm:ss, Vietnam time).</summary>
    public static string LocalTime(DateTimeOffset time) =>
        DashboardClock.ToLocal(time).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var url = new StringBuilder(path);
        var first = !path.Contains('?', StringComparison.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(value))
                continue;
            url.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return url.ToString();
    }
}
