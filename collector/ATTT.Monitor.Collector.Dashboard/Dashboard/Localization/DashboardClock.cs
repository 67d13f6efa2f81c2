using System.Globalization;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// Shows times as Vietnamese officials read them: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh (UTC+7, no
/// daylight saving), whatever the server's own zone.
/// </summary>
internal sealed class DashboardClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public DateTimeOffset Now => ToLocal(time.GetUtcNow());

    public static DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static string Format(DateTimeOffset value) => ToLocal(value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? value) => value is { } v ? Format(v) : "—";

    public static string FormatDay(DateTimeOffset value) => ToLocal(value).ToString("dd/MM", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tz data: Vietnam has had a fixed UTC+7 with no DST since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
