using System.Globalization;

namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// Durations as people write them in playbooks: a number and a unit, several in a row, e.g.
/// <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>72h</c>, <c>5d</c> (s, m, h, d; no fractions).
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var span = text.AsSpan().Trim();
        var total = TimeSpan.Zero;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
                digits++;
            if (digits == 0 || digits == span.Length || digits > 6)
                return false;
            var number = int.Parse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
            TimeSpan? part = span[digits] switch
            {
                's' => TimeSpan.FromSeconds(number),
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                'd' => TimeSpan.FromDays(number),
                _ => null,
            };
            if (part is null)
                return false;
            total += part.Value;
            span = span[(digits + 1)..];
        }

        value = total;
        return true;
    }

    /// <summary>The shortest text <see cref="TryParse"/> reads back to <paramref name="value"/>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
            return "0s";
        var parts = new List<string>(4);
        if (value.Days > 0) parts.Add($"{value.Days}d");
        if (value.Hours > 0) parts.Add($"{value.Hours}h");
        if (value.Minutes > 0) parts.Add($"{value.Minutes}m");
        if (value.Seconds > 0) parts.Add($"{value.Seconds}s");
        return string.Concat(parts);
    }
}
