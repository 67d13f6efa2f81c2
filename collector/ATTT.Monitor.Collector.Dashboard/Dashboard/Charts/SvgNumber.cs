using System.Globalization;

namespace ATTT.Monitor.Collector.Dashboard.Charts;

/// <summary>
/// Numbers written into SVG attributes and CSS: always with a dot and no grouping, whatever the
/// server's culture (under vi-VN, 12.5 would otherwise be written "12,5", which SVG rejects).
/// </summary>
public static class SvgNumber
{
    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
