using System.Globalization;

namespace ATTT.Monitor.Collector.Dashboard.Charts;

/// <summary>
/// A number as SVG and CSS read it: a dot for the decimal mark and no grouping, whatever the
/// culture of the request (vi-VN would write 1,5, which SVG does not accept).
/// </summary>
internal static class SvgNumber
{
    public static string Of(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);
}
