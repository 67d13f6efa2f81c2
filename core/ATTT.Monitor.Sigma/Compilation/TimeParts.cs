using System.Globalization;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Compilation;

/// <summary>
/// Compiles the time-part modifiers (minute, hour, day, week, month, year). Sigma 2.1 compares the
/// extracted number for equality; a following gt/gte/lt/lte compares it as a number instead
/// (<c>TimeCreated|hour|gte: 22</c>), which pySigma does not offer but a commune's "outside
/// working hours" rule needs. String modifiers make no sense on a number and are refused.
/// </summary>
internal static class TimeParts
{
    private static readonly Dictionary<string, TimePart> Parts = new(StringComparer.Ordinal)
    {
        ["minute"] = TimePart.Minute,
        ["hour"] = TimePart.Hour,
        ["day"] = TimePart.Day,
        ["week"] = TimePart.Week,
        ["month"] = TimePart.Month,
        ["year"] = TimePart.Year,
    };

    private static readonly HashSet<string> Allowed = ["all", "cased", "gt", "gte", "lt", "lte"];

    /// <summary>The node for an item with a time-part modifier, or null when it has none.</summary>
    public static MatchNode? Compile(FieldItem item, HashSet<string> modifiers, Func<string, (int Id, string Name)> resolveField)
    {
        var parts = modifiers.Where(Parts.ContainsKey).ToList();
        if (parts.Count == 0) return null;
        var name = parts[0];
        if (parts.Count > 1) throw SigmaRuleException.Invalid($"'{string.Join("|", parts)}': an item takes one time-part modifier");
        if (item.Field is null) throw SigmaRuleException.Invalid($"'{name}' reads a date from a field and needs a field name");
        if (modifiers.FirstOrDefault(m => !Parts.ContainsKey(m) && !Allowed.Contains(m)) is { } other)
            throw SigmaRuleException.Invalid($"'{name}' yields a number; it cannot be combined with '{other}'");

        var op = modifiers.Contains("gt") ? ComparisonOperator.Gt
            : modifiers.Contains("gte") ? ComparisonOperator.Gte
            : modifiers.Contains("lt") ? ComparisonOperator.Lt
            : modifiers.Contains("lte") ? ComparisonOperator.Lte
            : ComparisonOperator.Eq;
        var values = new List<(ComparisonOperator, int)>();
        var matchNull = false;
        foreach (var v in item.Values)
        {
            if (v is null)
            {
                matchNull = true;
                continue;
            }

            if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                throw SigmaRuleException.Invalid($"'{item.Field}|{name}' takes whole numbers, not '{v}'");
            values.Add((op, n));
        }

        var (id, fieldName) = resolveField(item.Field);
        var isEventTime = string.Equals(fieldName, "TimeCreated", StringComparison.OrdinalIgnoreCase);
        return new TimePartNode(id, isEventTime, Parts[name], values, modifiers.Contains("all"), matchNull);
    }
}
