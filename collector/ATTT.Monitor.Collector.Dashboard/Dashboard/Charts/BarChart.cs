namespace ATTT.Monitor.Collector.Dashboard.Charts;

/// <summary>
/// A bar chart laid out on the server and drawn as inline SVG by the _BarChart partial (no script,
/// no inline style: positions and colours are SVG attributes, which the CSP allows).
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<BarChart.Bar> Bars, long Max, long Total, int Width, int Height)
{
    public const int AxisHeight = 18;

    public sealed record Bar(double X, double Y, double Width, double Height, string Label, long Value, bool ShowLabel);

    public static BarChart Build(string title, IReadOnlyList<(string Label, long Value)> points, int labelEvery, int width = 720, int height = 160)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labelEvery, 1);
        var max = points.Count == 0 ? 0 : points.Max(p => p.Value);
        var plot = height - AxisHeight - 4;
        var slot = points.Count == 0 ? width : (double)width / points.Count;
        var bars = new List<Bar>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var h = max == 0 ? 0 : Math.Max(value > 0 ? 1 : 0, plot * value / (double)max);
            bars.Add(new Bar(Math.Round(i * slot + 1, 2), Math.Round(4 + plot - h, 2), Math.Round(Math.Max(slot - 2, 1), 2), Math.Round(h, 2), label, value, i % labelEvery == 0));
        }

        return new BarChart(title, bars, max, points.Sum(p => p.Value), width, height);
    }
}
