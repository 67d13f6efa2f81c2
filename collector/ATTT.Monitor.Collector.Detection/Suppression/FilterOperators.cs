namespace ATTT.Monitor.Collector.Suppression;

/// <summary>How a filter condition compares a field with its value; case-insensitive, as Sigma's default.</summary>
public static class FilterOperators
{
    public const string Exact = "equals";
    public const string Contains = "contains";
    public const string StartsWith = "startswith";
    public const string EndsWith = "endswith";

    public static IReadOnlyList<string> All { get; } = [Exact, Contains, StartsWith, EndsWith];

    public static bool Apply(string op, string? actual, string expected)
    {
        if (actual is null)
            return false;
        return op switch
        {
            Exact => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            Contains => actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            StartsWith => actual.StartsWith(expected, StringComparison.OrdinalIgnoreCase),
            EndsWith => actual.EndsWith(expected, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
