using System.Globalization;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>Durations typed by operators: <c>90s</c>, <c>30m</c>, <c>24h</c>, <c>7d</c>.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n))
        {
            TimeSpan? value = char.ToLowerInvariant(trimmed[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (value is { } v && v <= TimeSpan.FromDays(3650))
                return v;
        }

        throw new BadInputException($"{option} '{text}' is not a duration; write a positive number followed by s, m, h or d (e.g. 24h).");
    }
}
